package eu.lexbridge.app.cli;

import eu.lexbridge.app.LexbridgeCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** One run of the `lexbridge` command line in this JVM: its exit code and what it printed. */
record CliRun(int exit, String out) {

    static CliRun of(String... args) {
        var out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            return new CliRun(new CommandLine(new LexbridgeCommand()).execute(args),
                    out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }
}
