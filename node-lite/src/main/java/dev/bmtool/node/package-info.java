/** The lightweight Bitmessage node: connections, handshake, object exchange and storage. */
package dev.bmtool.node;
