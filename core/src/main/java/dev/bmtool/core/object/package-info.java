/** Bitmessage objects: the common header and the getpubkey, pubkey, msg and broadcast payloads. */
package dev.bmtool.core.object;
