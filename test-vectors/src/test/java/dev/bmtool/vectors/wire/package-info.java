/** Test vectors for encodings, packets, objects and PoW targets (vectors.md sections 2, 3, 7, 8, 9). */
package dev.bmtool.vectors.wire;
