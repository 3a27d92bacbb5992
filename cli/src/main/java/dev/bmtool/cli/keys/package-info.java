/** {@code bmtool keys ...}: the identity store (PyBitmessage keys.dat) in the data directory. */
package dev.bmtool.cli.keys;
