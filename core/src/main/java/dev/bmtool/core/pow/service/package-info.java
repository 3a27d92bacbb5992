/**
 * The one proof-of-work service: object or initial hash + difficulty in, verified nonce out,
 * scheduled over remote {@code pow serve} endpoints and the local engines. The CLI, the node,
 * the mail layer and {@code pow serve} all go through it.
 */
package dev.bmtool.core.pow.service;
