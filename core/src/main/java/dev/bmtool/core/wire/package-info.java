/** Network packets: the 24-byte header and every message payload of protocol version 3. */
package dev.bmtool.core.wire;
