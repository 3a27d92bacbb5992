package dev.bmtool.cli.mail;

import dev.bmtool.cli.BmtoolCommand;
import dev.bmtool.cli.Cli;
import dev.bmtool.cli.JsonOption;
import dev.bmtool.cli.UsageException;
import dev.bmtool.core.address.AddressGenerator;
import dev.bmtool.core.address.Identity;
import dev.bmtool.core.address.IdentityStore;
import dev.bmtool.core.address.KeysDat;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bmtool identity new|list|deterministic}: own addresses in the data dir's keys.dat. */
@Command(name = "identity", mixinStandardHelpOptions = true,
        description = {"Your own addresses: create, list and publish them (kept in <data-dir>/keys.dat, PyBitmessage"
            + " format).", "Chans: 'bmtool chan join'; keys from elsewhere: 'bmtool keys import'; computing an address"
            + " without keeping it: 'bmtool address'."},
        subcommands = {IdentityCommand.New.class, IdentityCommand.ListIds.class, IdentityCommand.Deterministic.class,
            IdentityCommand.Publish.class})
public final class IdentityCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(Cli.err(spec));
        return BmtoolCommand.EXIT_USAGE;
    }

    static Map<String, Object> json(Identity id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", id.address().encode());
        m.put("label", id.label());
        m.put("version", id.address().version());
        m.put("stream", id.address().stream());
        m.put("chan", id.chan());
        m.put("enabled", id.enabled());
        return m;
    }

    static void print(CommandSpec spec, boolean json, String verb, Identity id) {
        if (json) {
            Cli.printJson(spec, json(id));
        } else {
            PrintWriter out = Cli.out(spec);
            out.println(verb + " " + id.address() + (id.label().isEmpty() ? "" : " (" + id.label() + ")"));
            out.flush();
        }
    }

    /** Like send: a pubkey no peer took is not published yet; say so (exit 3 follows). */
    static boolean handedOver(MailSession s, CommandSpec spec) throws InterruptedException {
        boolean ok = s.remote() ? s.remoteConnected() : SendCommand.linger(s, spec);
        if (!ok) {
            Cli.err(spec).println("bmtool: the pubkey is ready but no peer took it; it goes out the next time a node"
                    + " runs for this data dir");
            Cli.err(spec).flush();
        }
        return ok;
    }

    static int zeroBytes(boolean shorter) {
        return AddressGenerator.zeroBytes(shorter);
    }

    static int version(int v) {
        if (v != 3 && v != 4) {
            throw new UsageException("--address-version must be 3 or 4");
        }
        return v;
    }

    /** {@code identity new}. */
    @Command(name = "new", mixinStandardHelpOptions = true, description = "Create a random address and store it.")
    static final class New implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--label", paramLabel = "L", defaultValue = "", description = "Label.")
        String label;
        @Option(names = "--address-version", paramLabel = "V", defaultValue = "4", description = "3 or 4 (default 4).")
        int version;
        @Option(names = "--shorter", description = "Two leading zero bytes (a shorter address; slower).")
        boolean shorter;
        @Option(names = "--publish",
                description = "Also publish the pubkey now (proof of work; 28-day TTL), as PyBitmessage does.")
        boolean publish;
        @Mixin
        JsonOption json;
        @Mixin
        NetOptions net;

        @Override
        public Integer call() throws Exception {
            Identity id = AddressGenerator.random(label, version(version), 1, zeroBytes(shorter), new SecureRandom());
            new IdentityStore(Cli.root(spec).dataDir()).add(id);
            print(spec, json.on(), "created", id);
            if (publish) {
                try (MailSession s = MailSession.open(spec, net, MailSession.Mode.ONLINE)) {
                    s.agent().publishPubkey(id);
                    if (!handedOver(s, spec)) {
                        return BmtoolCommand.EXIT_QUEUED;
                    }
                }
            }
            return 0;
        }
    }

    /** {@code identity list} (and the hidden old spelling {@code keys list}). */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List your identities and chans (no private keys; 'bmtool keys export' has them).")
    public static class ListIds implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            IdentityStore store = new IdentityStore(Cli.root(spec).dataDir());
            KeysDat.Identities all = store.load().identities();
            List<Identity> ids = all.identities();
            for (String p : all.problems()) {
                Cli.err(spec).println("bmtool: unreadable entry in " + store.file() + ": " + p);
            }
            Cli.err(spec).flush();
            if (json.on()) {
                Cli.printJson(spec, ids.stream().map(id -> {
                    Map<String, Object> m = IdentityCommand.json(id);
                    m.put("nonceTrialsPerByte", id.nonceTrialsPerByte());
                    m.put("payloadLengthExtraBytes", id.payloadLengthExtraBytes());
                    return m;
                }).toList());
                return 0;
            }
            PrintWriter out = Cli.out(spec);
            if (ids.isEmpty()) {
                out.println("no identities (create one with 'bmtool identity new', join a chan with 'bmtool chan join',"
                        + " or 'bmtool keys import')");
            }
            for (Identity id : ids) {
                out.printf("%-38s %-5s %s%s%n", id.address(), id.chan() ? "chan" : "", id.label(),
                        id.enabled() ? "" : " (disabled)");
            }
            out.flush();
            return 0;
        }
    }

    /** {@code identity deterministic}. */
    @Command(name = "deterministic", mixinStandardHelpOptions = true,
            description = "Create the address of a passphrase (same as PyBitmessage) and store it.")
    static final class Deterministic implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--passphrase", paramLabel = "P", required = true, description = "The passphrase (UTF-8).")
        String passphrase;
        @Option(names = "--label", paramLabel = "L", defaultValue = "", description = "Label.")
        String label;
        @Option(names = "--address-version", paramLabel = "V", defaultValue = "4", description = "3 or 4 (default 4).")
        int version;
        @Option(names = "--shorter", description = "Two leading zero bytes.")
        boolean shorter;
        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            if (passphrase.isEmpty()) {
                throw new UsageException("--passphrase must not be empty");
            }
            Identity id = AddressGenerator.deterministic(passphrase.getBytes(StandardCharsets.UTF_8), 1,
                    version(version), 1, zeroBytes(shorter)).getFirst().withLabel(label);
            new IdentityStore(Cli.root(spec).dataDir()).add(id);
            print(spec, json.on(), "stored", id);
            return 0;
        }
    }

    /** {@code identity publish ADDR}: publishes the pubkey now (after a settings change, or to be found sooner). */
    @Command(name = "publish", mixinStandardHelpOptions = true,
            description = "Publish one of your addresses' pubkey now (proof of work; 28-day TTL).")
    static final class Publish implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @picocli.CommandLine.Parameters(paramLabel = "ADDR|LABEL", description = "One of your identities: its address or"
                + " its label.")
        String address;
        @Mixin
        JsonOption json;
        @Mixin
        NetOptions net;

        @Override
        public Integer call() throws Exception {
            Identity id = dev.bmtool.cli.AddressNames.own(Cli.root(spec).dataDir(), address, "ADDR");
            dev.bmtool.core.address.Address a = id.address();
            if (id.chan()) {
                throw new UsageException("ADDR: " + a + " is a chan; chans never publish a pubkey");
            }
            try (MailSession s = MailSession.open(spec, net, MailSession.Mode.ONLINE)) {
                String hash = s.agent().publishPubkey(id);
                boolean handedOver = handedOver(s, spec);
                if (json.on()) {
                    Map<String, Object> m = json(id);
                    m.put("inventoryHash", hash);
                    Cli.printJson(spec, m);
                } else {
                    Cli.out(spec).println((handedOver ? "published" : "made (not yet published)") + " the pubkey of " + a
                            + " (object " + hash + ")");
                    Cli.out(spec).flush();
                }
                return handedOver ? 0 : BmtoolCommand.EXIT_QUEUED;
            }
        }
    }
}
