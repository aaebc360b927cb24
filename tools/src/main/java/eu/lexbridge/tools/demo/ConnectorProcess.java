package eu.lexbridge.tools.demo;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A connector in a JVM of its own: phase4 keeps one AS4 identity per process, and two processes are what a real
 * pair of Member States runs.
 */
public final class ConnectorProcess implements AutoCloseable {

    private static final Duration STOP = Duration.ofSeconds(30);

    /** A demo lives for seconds: start fast rather than peak. */
    static final List<String> DEMO_JVM = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final DemoConnector connector;
    private final Process process;

    private ConnectorProcess(DemoConnector connector, Process process) {
        this.connector = connector;
        this.process = process;
    }

    public static ConnectorProcess start(DemoConnector connector, Path jar) {
        return start(connector, jar, List.of());
    }

    /** @param settings further Spring Boot arguments, e.g. {@code --lexbridge.routes.first-retry-delay=1s} */
    public static ConnectorProcess start(DemoConnector connector, Path jar, List<String> settings) {
        return start(connector, jar, DEMO_JVM, settings);
    }

    /**
     * @param jvmOptions the connector JVM's options (heap, GC, JIT): a load test wants the JIT's peak, not a quick start
     * @param settings further Spring Boot arguments
     */
    public static ConnectorProcess start(DemoConnector connector, Path jar, List<String> jvmOptions,
                                         List<String> settings) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        if (ClassDataArchive.enabled()) {
            command.addAll(ClassDataArchive.beside(jar).options());
        }
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.add("serve");
        command.add("--spring.config.additional-location=file:" + connector.configFile().toAbsolutePath());
        command.addAll(settings);
        File log = connector.logFile().toFile();
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                    .start();
            return new ConnectorProcess(connector, process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the connector " + connector.party(), e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The connector's JVM: its CPU time, its pid for /proc. */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    public DemoConnector connector() {
        return connector;
    }

    /** Kills the JVM at once (SIGKILL): a crash, no shutdown of any kind. Returns when it is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends SIGTERM and returns at once: stopping two connectors side by side takes the time of one. */
    public void requestStop() {
        process.destroy();
    }

    /**
     * Stops the connector the way an operator would: SIGTERM, so it shuts down gracefully; after 30 s, SIGKILL. Safe
     * to call again, and from two threads at once (the demo's shutdown hook and its main thread).
     */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
