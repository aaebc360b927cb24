package eu.lexbridge.tools.bench;

import eu.lexbridge.tools.demo.Demo;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.util.unit.DataSize;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code lexbridge bench large}: see {@link LargeRun}. */
@Command(name = "large", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Start two connectors on loopback as the demo does (at-prosecutor sends, de-court receives) with "
                + "--jvm-options, and send one message for each of --sizes, one after the other, each with an "
                + "attachment of that size: uploaded through the sender's REST API, fetched at the receiver's, "
                + "acknowledged, until DELIVERED at the sender.",
            "",
            "Reports for each: the time to upload, to available at the receiver, downloaded, DELIVERED; MiB/s from "
                    + "the start of the upload to available; CPU seconds of each connector; the heap's peak and the "
                    + "old generation after full collections; peak RSS; and whether the SHA-256 the bench sent, the "
                    + "one the receiver lists and the one of the downloaded bytes are equal.",
            "",
            "The connectors' max-payload-size and upload limits are set to the largest size. Disk: the sender keeps "
                    + "the payload (and its container), the receiver the received request and the payload: "
                    + "about 5 times the largest size in --dir.",
            "",
            "Exit code 0 when every payload arrived with equal hashes, 1 otherwise, 2 for unusable options.",
            "Example: ./lexbridge bench large --sizes 100MB,1GB,2GB"})
public final class LargeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--sizes", split = ",", defaultValue = "100MB,1GB,2GB", paramLabel = "SIZE",
            description = "Attachment sizes, one message each, e.g. 500MB or 2GB (binary units; default: "
                    + "${DEFAULT-VALUE})")
    List<String> sizes;

    @Option(names = "--jvm-options", defaultValue = "-Xmx512m -XX:+UseSerialGC",
            description = "JVM options of both connectors (default: ${DEFAULT-VALUE})")
    String jvmOptions;

    @Option(names = "--timeout", defaultValue = "30m",
            description = "For a connector's start, and for each message from upload to DELIVERED "
                    + "(default: ${DEFAULT-VALUE})")
    String timeout;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON to FILE")
    Path json;

    @Option(names = "--dir", defaultValue = "data/bench-large",
            description = "Where the run keeps its PKI, configuration, logs and data; the data is emptied at each "
                    + "run (default: ${DEFAULT-VALUE})")
    Path dir;

    @Override
    public Integer call() {
        return new LargeRun(options(), Demo.ownJar()).run().passed() ? 0 : 1;
    }

    LargeRun.Options options() {
        try {
            List<Long> bytes = sizes.stream().map(size -> DataSize.parse(size.strip()).toBytes()).toList();
            if (bytes.stream().anyMatch(b -> b <= 0)) {
                throw new IllegalArgumentException("every size must be positive");
            }
            return new LargeRun.Options(dir, bytes, LoadOptions.parseDuration(timeout),
                    LoadOptions.parseJvmOptions(jvmOptions), json);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
