package dev.bmtool.cli.address;

import dev.bmtool.cli.JsonOption;
import dev.bmtool.cli.Cli;
import dev.bmtool.core.address.Address;
import dev.bmtool.core.encoding.Hex;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bmtool address decode ADDRESS}. */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = "Decode an address: version, stream, ripe, tag and the keys derived from it.")
public final class AddressDecodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ADDRESS|NAME",
            description = "Address (with or without BM-), or a contact's name or one of your identities' labels.")
    String address;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        Address a = Address.isValid(address.strip()) || address.strip().regionMatches(true, 0, "BM-", 0, 3)
                ? Address.decode(address) // a malformed address: the decoder says precisely why
                : dev.bmtool.cli.AddressNames.any(dev.bmtool.cli.Cli.root(spec).dataDir(), address, "ADDRESS");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", a.encode());
        m.put("version", a.version());
        m.put("stream", a.stream());
        m.put("ripe", Hex.encode(a.ripe()));
        m.put("tag", Hex.encode(a.tag()));
        m.put("addressKey", Hex.encode(a.addressKey().bytes()));
        m.put("broadcastKey", Hex.encode(a.broadcastKey().bytes()));
        if (json.on()) {
            Cli.printJson(spec, m);
            return 0;
        }
        PrintWriter out = Cli.out(spec);
        out.println("address:       " + m.get("address"));
        out.println("version:       " + a.version());
        out.println("stream:        " + a.stream());
        out.println("ripe:          " + m.get("ripe"));
        out.println("tag:           " + m.get("tag"));
        out.println("address key:   " + m.get("addressKey") + "  (decrypts v4 pubkeys"
                + (a.version() >= 4 ? " and v5 broadcasts)" : ")"));
        out.println("broadcast key: " + m.get("broadcastKey"));
        out.flush();
        return 0;
    }
}
