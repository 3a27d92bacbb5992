/** {@code bmtool address ...}: create, derive and decode Bitmessage addresses. */
package dev.bmtool.cli.address;
