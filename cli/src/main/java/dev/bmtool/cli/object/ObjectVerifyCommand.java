package dev.bmtool.cli.object;

import dev.bmtool.cli.JsonOption;
import dev.bmtool.cli.BmtoolCommand;
import dev.bmtool.cli.Cli;
import dev.bmtool.cli.UsageException;
import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.object.ObjectValidator;
import dev.bmtool.core.pow.PowMath;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bmtool object verify}: the receipt checks a PyBitmessage node applies (payload size,
 * expiry window, PoW against the verifier target) at a given time. Exit 0 if valid, 1 if not.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check an object's size, expiry window and proof of work as a receiving node would."
                + " Exit 0 if valid, 1 if not.")
public final class ObjectVerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ObjectInput input;

    @Option(names = "--at", paramLabel = "EPOCH_SECONDS", description = "Verify as of this UNIX time (default: now).")
    Long at;

    @Option(names = "--ntpb", paramLabel = "N", defaultValue = "1000",
            description = "nonceTrialsPerByte (default and network minimum: ${DEFAULT-VALUE}).")
    long ntpb;

    @Option(names = "--extra", paramLabel = "N", defaultValue = "1000",
            description = "payloadLengthExtraBytes (default and network minimum: ${DEFAULT-VALUE}).")
    long extra;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        if (ntpb < 0 || extra < 0) {
            throw new UsageException("--ntpb and --extra must not be negative");
        }
        long now = at != null ? at : System.currentTimeMillis() / 1000;
        if (now < 0 || now > (1L << 62)) {
            throw new UsageException("--at out of range: " + now);
        }
        BitmessageObject o = input.load(System.in);
        ObjectValidator.Result r = ObjectValidator.defaults().withDifficulty(ntpb, extra).validate(o, now);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("valid", r.valid());
        m.put("reason", r.reason().name());
        m.put("message", r.message());
        m.put("at", now);
        m.put("type", o.typeName());
        m.put("length", o.length());
        m.put("expiresTime", ObjectFormat.u64(o.expiresTime()));
        m.put("inventoryHash", Hex.encode(o.inventoryHash()));
        if (r.target() != 0) {
            m.put("ttl", r.ttl());
            m.put("trialValue", ObjectFormat.u64(r.trialValue()));
            m.put("target", ObjectFormat.u64(r.target()));
            m.put("nonceTrialsPerByte", Math.max(ntpb, PowMath.DEFAULT_NONCE_TRIALS_PER_BYTE));
            m.put("extraBytes", Math.max(extra, PowMath.DEFAULT_EXTRA_BYTES));
        }
        // informational only: a failing content check does not stop relaying
        ObjectValidator.Result content = ObjectValidator.checkContent(o);
        m.put("content", content.valid() ? "OK" : content.reason().name() + ": " + content.message());
        if (json.on()) {
            Cli.printJson(spec, m);
        } else {
            PrintWriter out = Cli.out(spec);
            out.println(r.valid() ? "valid" : "INVALID: " + r.message());
            for (Map.Entry<String, Object> e : m.entrySet()) {
                if (!e.getKey().equals("valid") && !e.getKey().equals("message")) {
                    out.printf("%-19s %s%n", e.getKey() + ":", e.getValue());
                }
            }
            out.flush();
        }
        if (!r.valid()) {
            PrintWriter err = Cli.err(spec);
            err.println("bmtool: invalid object: " + r.message());
            err.flush();
            return BmtoolCommand.EXIT_FAILURE;
        }
        return 0;
    }
}
