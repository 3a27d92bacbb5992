/**
 * The OpenCL vanity engine: the same batched walk, SHA-512, RIPEMD-160 and prefix test as the
 * CPU engine, as a kernel ({@code kernels/vanity.cl}); the host re-checks every report and
 * re-derives every result with Bouncy Castle.
 */
package dev.bmtool.pow.opencl.vanity;
