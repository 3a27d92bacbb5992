/**
 * Messaging commands: {@code identity}, {@code chan}, {@code send}, {@code broadcast},
 * {@code subscribe}, {@code inbox}, {@code read}, {@code sent} and {@code demo}. They work with a
 * node running for the data directory (through its control API) or start one in-process for the
 * length of the command.
 */
package dev.bmtool.cli.mail;
