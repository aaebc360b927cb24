package eu.lexbridge.tools.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@link BrokerCommand} in a JVM of its own: started, killed with SIGKILL, started again on the same journal. */
final class BrokerProcess implements AutoCloseable {

    private final List<String> command;
    private final Path ready;
    private final Path log;
    private Process process;

    /**
     * @param ports one broker server per port, journals below {@code dir}
     * @param routeSettings the connectors' {@code --lexbridge.routes.*} arguments: the same redelivery policy
     */
    BrokerProcess(Path jar, Path dir, List<Integer> ports, List<String> routeSettings) {
        this.ready = dir.resolve("ready");
        this.log = dir.resolve("broker.log");
        command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
                "-XX:+UseSerialGC", "-jar", jar.toString(), "bench", "broker", "--dir", dir.toString(), "--ready",
                ready.toString(), "--port", String.join(",", ports.stream().map(String::valueOf).toList())));
        command.addAll(routeSettings);
    }

    void start(Duration timeout) {
        try {
            Files.createDirectories(ready.getParent());
            Files.deleteIfExists(ready);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the broker", e);
        }
        Instant deadline = Instant.now().plus(timeout);
        while (!Files.exists(ready)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the broker did not start; see " + log);
            }
            ConnectorLoad.pause(Duration.ofMillis(100));
        }
    }

    /** SIGKILL: the journal is what survives. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
            }
        }
    }
}
