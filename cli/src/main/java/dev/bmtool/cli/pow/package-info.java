/**
 * {@code bmtool pow} (solve proof of work for a hash, an object or a batch on stdin),
 * {@code bmtool pow serve} (a small HTTP PoW service) and {@code bmtool bench}.
 */
package dev.bmtool.cli.pow;
