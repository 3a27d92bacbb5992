/** Proof-of-work commands: {@code bmtool devices} (OpenCL devices and their measured rates). */
package dev.bmtool.cli.pow;
