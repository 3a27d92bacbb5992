/** {@code bmtool object ...}: inspecting and verifying Bitmessage objects. */
package dev.bmtool.cli.object;
