package dev.bmtool.cli.mail;

import dev.bmtool.cli.UsageException;
import dev.bmtool.core.address.IdentityStore;
import dev.bmtool.core.address.KeysDat;
import dev.bmtool.core.pow.PowScheduler;
import dev.bmtool.core.pow.service.PowService;
import dev.bmtool.core.pow.service.RemotePowServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The CLI's way to the {@link PowService}: {@code --engine} (auto, cpu, native, java, simd, scalar, opencl,
 * messagedigest), {@code --threads}, the {@code --pow-server} endpoints and keys.dat's
 * {@code powservers} setting. Every command that does proof of work opens its service here.
 */
public final class PowEngines {
    /** keys.dat setting in [bitmessagesettings]: PoW servers, comma-separated URLs. */
    public static final String POW_SERVERS_SETTING = "powservers";

    private PowEngines() {
    }

    /**
     * Opens the service.
     *
     * @param servers  {@code --pow-server} URLs; when empty, keys.dat's {@code powservers} (if {@code dataDir} is given)
     * @param warm     warm the SIMD engine now (long-lived processes)
     * @param progress a line every few seconds while a long job runs (rate, done, ETA); may be null
     */
    public static PowService open(String kind, int threads, List<String> servers, Path dataDir, boolean warm,
            Consumer<String> problems, Consumer<String> progress) {
        PowScheduler.EngineKind k;
        try {
            k = PowScheduler.EngineKind.parse(kind);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--engine: " + e.getMessage());
        }
        if (threads < 0) {
            throw new UsageException("--threads must be 0 or more");
        }
        return open(new PowScheduler.Options(k, threads, false), servers, dataDir, warm, problems, progress);
    }

    /** {@link #open(String, int, List, Path, boolean, Consumer, Consumer)} with parsed engine options. */
    public static PowService open(PowScheduler.Options options, List<String> servers, Path dataDir, boolean warm,
            Consumer<String> problems, Consumer<String> progress) {
        List<RemotePowServer> remotes = remotes(servers, dataDir);
        try {
            return PowService.open(options, remotes, warm, problems, progress == null ? null : progressLines(progress));
        } catch (IllegalStateException e) {
            throw new UsageException("--engine " + options.engine().name().toLowerCase(Locale.ROOT) + ": "
                    + e.getMessage());
        }
    }

    /** Messaging commands: auto threads, keys.dat's servers unless --pow-server is given. */
    static PowService open(NetOptions net, Path dataDir, boolean warm, Consumer<String> problems,
            Consumer<String> progress) {
        return open(net == null ? "auto" : net.pow.engine(), 0, net == null ? List.of() : net.pow.powServers(), dataDir, warm,
                problems, progress);
    }

    /** The endpoints: {@code --pow-server} when given, else keys.dat's {@code powservers}. */
    public static List<RemotePowServer> remotes(List<String> servers, Path dataDir) {
        List<RemotePowServer> out = new ArrayList<>();
        try {
            if (servers != null && !servers.isEmpty()) {
                for (String s : servers) {
                    out.addAll(RemotePowServer.parseList(s));
                }
            } else if (dataDir != null) {
                String v = keysDatServers(dataDir);
                try {
                    out.addAll(RemotePowServer.parseList(v));
                } catch (IllegalArgumentException e) {
                    throw new UsageException("keys.dat " + POW_SERVERS_SETTING + ": " + e.getMessage());
                }
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException("--pow-server: " + e.getMessage());
        }
        return out;
    }

    private static String keysDatServers(Path dataDir) {
        if (!java.nio.file.Files.exists(dataDir.resolve(IdentityStore.FILE_NAME))) {
            return null;
        }
        try {
            return new IdentityStore(dataDir).load().section(KeysDat.SETTINGS_SECTION).get(POW_SERVERS_SETTING);
        } catch (RuntimeException e) {
            return null; // an unreadable keys.dat is reported by the commands that need it
        }
    }

    private static Consumer<PowScheduler.Progress> progressLines(Consumer<String> out) {
        long[] lastPrint = {System.nanoTime()};
        return p -> {
            long now = System.nanoTime();
            synchronized (lastPrint) {
                if (now - lastPrint[0] < 3_000_000_000L) {
                    return;
                }
                lastPrint[0] = now;
            }
            out.accept(String.format(Locale.ROOT,
                    "  proof of work: %.1f M trials (%.0f%% of expected), %.2f M/s, ETA %d s",
                    p.trials() / 1e6, 100 * p.fraction(), p.rate() / 1e6, p.eta().toSeconds()));
        };
    }
}
