/**
 * {@code bmtool pow} (solve proof of work for a hash, an object or a batch on stdin),
 * {@code bmtool pow serve} (a small HTTP PoW service), {@code bmtool bench} and
 * {@code bmtool devices} (OpenCL devices and their measured rates).
 */
package dev.bmtool.cli.pow;
