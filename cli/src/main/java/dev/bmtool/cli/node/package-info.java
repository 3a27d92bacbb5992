/** {@code bmtool node run|status}: the lightweight node in the foreground and its status. */
package dev.bmtool.cli.node;
