package eu.lexbridge.tools.demo;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A connector in a JVM of its own: phase4 keeps one AS4 identity per process, and two processes are what a real
 * pair of Member States runs.
 */
public final class ConnectorProcess implements AutoCloseable {

    private static final Duration STOP = Duration.ofSeconds(30);

    private final DemoConnector connector;
    private final Process process;
    private final ClassDataArchive archive;
    private final boolean recording;
    private final AtomicBoolean killed = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();

    private ConnectorProcess(DemoConnector connector, Process process, ClassDataArchive archive, boolean recording) {
        this.connector = connector;
        this.process = process;
        this.archive = archive;
        this.recording = recording;
        if (recording) {
            process.onExit().thenRun(this::endRecording);
        }
    }

    public static ConnectorProcess start(DemoConnector connector, Path jar) {
        return start(connector, jar, List.of());
    }

    /** @param settings further Spring Boot arguments, e.g. {@code --lexbridge.routes.first-retry-delay=1s} */
    public static ConnectorProcess start(DemoConnector connector, Path jar, List<String> settings) {
        // a demo lives for seconds: start fast rather than peak
        return start(connector, jar, List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), settings);
    }

    /**
     * @param jvmOptions the connector JVM's options (heap, GC, JIT): a load test wants the JIT's peak, not a quick start
     * @param settings further Spring Boot arguments
     */
    public static ConnectorProcess start(DemoConnector connector, Path jar, List<String> jvmOptions,
                                         List<String> settings) {
        ClassDataArchive archive = ClassDataArchive.beside(jar);
        ClassDataArchive.Use use = ClassDataArchive.enabled() ? archive.begin()
                : new ClassDataArchive.Use(List.of(), false);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(use.options());
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
            return new ConnectorProcess(connector, process, archive, use.recording());
        } catch (IOException e) {
            if (use.recording()) {
                archive.end(true);
            }
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
        killed.set(true);
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
                killed.set(true);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            if (!process.isAlive()) {
                // at once, not only when onExit's callback gets round to it: the caller may start the next one now
                endRecording();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killed.set(true);
            process.destroyForcibly();
        }
    }

    private void endRecording() {
        if (recording && ended.compareAndSet(false, true)) {
            archive.end(killed.get() || process.exitValue() == 137); // 128 + SIGKILL, whoever sent it
        }
    }
}
