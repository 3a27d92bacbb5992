/** secp256k1 keys, ECDH, Bitmessage ECIES, ECDSA signatures and the hash helpers. */
package dev.bmtool.core.crypto;
