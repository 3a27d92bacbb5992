/**
 * {@code bmtool settings}: the keys.dat settings bmtool acts on, under PyBitmessage's names, so
 * one file means the same to both programs.
 */
package dev.bmtool.cli.settings;
