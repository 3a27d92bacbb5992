/**
 * Decrypted contents of msg, broadcast and pubkey objects (protocol brief sections 10-12):
 * parsing and building the plaintexts, the exact signed-bytes construction, and
 * sign+encrypt / decrypt+verify of whole object payloads.
 */
package dev.bmtool.core.message;
