/**
 * Proof-of-work maths (initial hash, trial value, sender and verifier targets) and the CPU
 * engines behind the one {@link dev.bmtool.core.pow.PowEngine} interface.
 */
package dev.bmtool.core.pow;
