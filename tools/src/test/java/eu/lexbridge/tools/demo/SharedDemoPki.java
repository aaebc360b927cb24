package eu.lexbridge.tools.demo;

import eu.lexbridge.trust.pki.SharedTestPki;
import java.nio.file.Path;

/**
 * The demo network's test PKI for the end-to-end tests: made once per test JVM and copied below a network's root, where
 * {@link DemoNetwork#prepare} finds it and generates none. A test that swaps in keys from another CA changes only its
 * copy. ({@code ./lexbridge demo} and the benches outside the tests still generate their own.)
 */
public final class SharedDemoPki {

    private SharedDemoPki() {
    }

    /** Copies the PKI into {@code root/pki}, the folder {@link DemoNetwork#pkiDirectory()} names for that root. */
    public static void into(Path root) {
        SharedTestPki.copyTo(root.resolve("pki"), DemoNetwork.PARTIES, DemoNetwork.PKI_PASSWORD);
    }

    /** The demo's network below {@code root}, on this PKI, its configuration written. */
    static DemoNetwork network(Path root) {
        into(root);
        DemoNetwork network = new DemoNetwork(root);
        network.prepare();
        return network;
    }
}
