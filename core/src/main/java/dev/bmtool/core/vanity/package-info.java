/**
 * Vanity and short Bitmessage addresses: a fast CPU search that keeps the signing key fixed and
 * walks the encryption key by point additions (batched affine additions sharing one field
 * inversion), hashes each candidate with SHA-512 and RIPEMD-160 specialised to the fixed input
 * layout, and tests leading zero bytes and the base58 prefix as numeric ranges without building
 * strings. Every hit is re-derived with Bouncy Castle before it is returned.
 */
package dev.bmtool.core.vanity;
