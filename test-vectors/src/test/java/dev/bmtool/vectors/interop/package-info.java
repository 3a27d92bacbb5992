/**
 * Objects made by an independent implementation (bitmessage-js 0.6.6, see
 * {@code test-vectors/interop-js/README.md}), read, verified and decrypted by bmtool.
 */
package dev.bmtool.vectors.interop;
