/** Proof-of-work vectors from other implementations (vectors.md section 9). */
package dev.bmtool.vectors.pow;
