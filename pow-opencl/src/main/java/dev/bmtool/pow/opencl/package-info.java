/** Proof of work on OpenCL devices through JOCL. */
package dev.bmtool.pow.opencl;
