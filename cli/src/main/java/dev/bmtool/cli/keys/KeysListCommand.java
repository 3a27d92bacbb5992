package dev.bmtool.cli.keys;

import dev.bmtool.cli.mail.IdentityCommand;
import picocli.CommandLine.Command;

/** {@code bmtool keys list}: the old spelling of {@code bmtool identity list}, kept hidden for scripts. */
@Command(name = "list", hidden = true, mixinStandardHelpOptions = true,
        description = "Same as 'bmtool identity list'.")
public final class KeysListCommand extends IdentityCommand.ListIds {
}
