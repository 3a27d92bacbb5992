/**
 * The peer-to-peer side of the node: blocking sockets on virtual threads, the version/verack
 * handshake, the optional TLS upgrade, and inv/getdata/object/addr exchange with bounds.
 */
package dev.bmtool.node.net;
