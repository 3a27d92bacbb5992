package dev.bmtool.pow.opencl;

import dev.bmtool.core.pow.PowEngine;
import java.util.List;

/** Child-JVM helper for {@link OpenClEngineProviderTest}: opens the provider, prints what it got. */
public final class ProviderProbe {
    private ProviderProbe() {
    }

    public static void main(String[] args) {
        List<PowEngine> engines = new OpenClEngineProvider().open(s -> System.out.println("problem: " + s));
        System.out.println("engines=" + engines.size());
        engines.forEach(PowEngine::close);
    }
}
