/** {@code bmtool import}: bringing data over from other Bitmessage clients (PyBitmessage). */
package dev.bmtool.cli.migrate;
