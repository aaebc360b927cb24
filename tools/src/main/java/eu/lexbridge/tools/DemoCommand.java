package eu.lexbridge.tools;

import eu.lexbridge.tools.demo.Demo;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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

    @Override
    public Integer call() {
        return new Demo(dir, timeoutSeconds, keepRunning).run() ? 0 : 1;
    }
}
