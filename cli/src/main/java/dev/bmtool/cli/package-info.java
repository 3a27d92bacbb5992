/**
 * The {@code bmtool} command line (picocli): one class per subcommand, each a
 * {@code Callable<Integer>} writing through {@code spec.commandLine().getOut()}.
 */
package dev.bmtool.cli;
