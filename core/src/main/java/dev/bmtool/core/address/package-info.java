/** Bitmessage addresses (v2-v4), deterministic and random generation, WIF and keys.dat. */
package dev.bmtool.core.address;
