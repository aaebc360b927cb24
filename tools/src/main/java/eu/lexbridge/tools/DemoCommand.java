package eu.lexbridge.tools;

import eu.lexbridge.core.transport.As4Profile;
import eu.lexbridge.tools.demo.Demo;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code lexbridge demo}: two connectors on loopback exchange a European Production Order Certificate. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start two connectors (Austria, Germany) on loopback, send an EPOC from one to the other over "
                + "AS4, have the German back-end fetch and acknowledge it, and print both timelines.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--dir", defaultValue = Demo.DIRECTORY,
            description = "Where the demo keeps its PKI, configuration, databases and logs (default: ${DEFAULT-VALUE})")
    Path dir;

    @Option(names = "--timeout", defaultValue = "180",
            description = "Seconds to wait for each step before giving up (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Option(names = "--keep-running",
            description = "After the exchange, leave both connectors running and print, for each, its back-end API "
                    + "address, its back-end's bearer token, its management address and operator login; Ctrl-C (or "
                    + "SIGTERM) stops both")
    boolean keepRunning;

    @Option(names = "--as4-profile", defaultValue = "1.x", paramLabel = "PROFILE",
            description = "The eDelivery AS4 profile the two connectors speak: 1.x (e-CODEX today), 2.0 (the Common "
                    + "Usage Profile: Ed25519, X25519) or 2.0-ecdsa (its EC option, P-256) (default: ${DEFAULT-VALUE})")
    String as4Profile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        As4Profile profile = As4Profile.ofLabel(as4Profile).orElseThrow(() -> new ParameterException(
                spec.commandLine(), "--as4-profile must be 1.x, 2.0 or 2.0-ecdsa, was '" + as4Profile + "'"));
        return new Demo(dir, timeoutSeconds, keepRunning, profile).run() ? 0 : 1;
    }
}
