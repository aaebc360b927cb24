package eu.lexbridge.tools.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lexbridge bench}: measurements that need running connectors. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure LexBridge end to end on this machine.",
            "",
            "  load   start two connectors (Austria sends, Germany receives), put them under load through the REST "
                    + "back-end API, report messages/s, latencies, CPU and memory per message, and compare with raw "
                    + "AS4 between two JVMs (the baseline) in the same run.",
            "",
            "  crash  the same two connectors on an external broker and PostgreSQL, killed with SIGKILL at random "
                    + "moments under load, the broker and the database restarted; checks that every message is "
                    + "delivered exactly once.",
            "",
            "  large  the same two connectors with -Xmx512m each: one message per size with an attachment of that "
                    + "size (100 MiB, 1 GiB, 2 GiB by default), back-end to back-end; time, MiB/s, CPU, heap, and "
                    + "the hashes compared.",
            "",
            "Long runs: keep them out of the test suite. Figures and how to read them: docs/performance.md."},
        subcommands = {LoadCommand.class, CrashCommand.class, LargeCommand.class, As4PeerCommand.class})
public final class BenchCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
