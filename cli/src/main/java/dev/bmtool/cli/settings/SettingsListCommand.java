package dev.bmtool.cli.settings;

import dev.bmtool.cli.JsonOption;
import dev.bmtool.cli.Cli;
import dev.bmtool.core.address.IdentityStore;
import dev.bmtool.core.address.KeysDat;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bmtool settings list}: every setting bmtool acts on, its value and what it does. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the settings bmtool acts on: value in keys.dat (or the default) and what it does.")
public final class SettingsListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--address", paramLabel = "ADDR|LABEL",
            description = "Also show the per-address settings of that identity (address or label).")
    String address;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        KeysDat k = new IdentityStore(Cli.root(spec).dataDir()).load();
        if (address != null) {
            address = dev.bmtool.cli.AddressNames.own(Cli.root(spec).dataDir(), address, "--address").address().encode();
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Setting s : Setting.ALL) {
            if (s.perAddress() && address == null) {
                continue;
            }
            String section = s.perAddress() ? address : KeysDat.SETTINGS_SECTION;
            String v = k.section(section).get(s.key());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", s.key());
            m.put("section", section);
            m.put("value", v == null ? s.defaultValue() : v);
            m.put("set", v != null);
            m.put("effect", s.effect());
            rows.add(m);
        }
        if (json.on()) {
            Cli.printJson(spec, rows);
            return 0;
        }
        PrintWriter out = Cli.out(spec);
        for (Map<String, Object> m : rows) {
            out.printf("%-38s %-8s %s%n    %s%n", m.get("key"), m.get("value"),
                    (Boolean) m.get("set") ? "(set in [" + m.get("section") + "])" : "(default)", m.get("effect"));
        }
        if (address == null) {
            out.println("per-address settings: bmtool settings list --address ADDR");
        }
        out.flush();
        return 0;
    }
}
