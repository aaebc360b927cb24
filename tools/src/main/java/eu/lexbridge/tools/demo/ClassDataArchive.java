package eu.lexbridge.tools.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A class-data-sharing archive of the connector application (the JDK's AppCDS), in {@code cds/} beside its jar, for
 * runs that start many connectors: the end-to-end tests, with {@code -Dlexbridge.class-data-archive=true}. The build
 * makes it once, in the background, as the end-to-end tests begin ({@link #main}, {@code tools/pom.xml}): a connector
 * started only to its context refresh lists the classes it loads, and a JVM of its own ({@code -Xshare:dump}, about a
 * minute of CPU) archives them. Every connector started once it is there maps the archive instead of reading,
 * parsing and verifying those classes again: a third less CPU to start (see docs/performance.md). Connectors started
 * before start without it. The JDK's dynamic archive ({@code -XX:ArchiveClassesAtExit}) was tried first: the
 * recording connector started three times slower, slow enough to miss a test's start-up patience.
 *
 * <p>An archive fits one jar and one JVM only, so its name carries the jar's modification time and the JVM's version;
 * a JVM that still finds it unusable starts without it ({@code -Xshare:auto}) and says nothing ({@code -Xlog:cds*=off}).
 * It appears whole or not at all (written aside, then moved).
 */
public final class ClassDataArchive {

    static final String ENABLED = "lexbridge.class-data-archive";
    private static final String QUIET = "-Xlog:cds*=off";

    private final Path jar;
    private final Path archive;

    private ClassDataArchive(Path jar, Path archive) {
        this.jar = jar;
        this.archive = archive;
    }

    /** Whether this JVM's connectors map the archive: only where asked (the end-to-end tests). */
    static boolean enabled() {
        return Boolean.getBoolean(ENABLED);
    }

    static ClassDataArchive beside(Path jar) {
        Path absolute = jar.toAbsolutePath();
        String jvm = Runtime.version().toString().replaceAll("[^A-Za-z0-9.+-]", "_");
        long modified;
        try {
            modified = Files.getLastModifiedTime(absolute).toMillis();
        } catch (IOException e) {
            modified = 0; // no jar: the JVM will say so itself when it is started
        }
        return new ClassDataArchive(absolute, absolute.resolveSibling("cds")
                .resolve("lexbridge-" + jvm + "-" + modified + ".jsa"));
    }

    /** The JVM options that map the archive, or none while there is no archive for this jar and JVM. */
    List<String> options() {
        return Files.isRegularFile(archive)
                ? List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", QUIET) : List.of();
    }

    /**
     * Makes the archive unless it is there: runs {@code java -XX:DumpLoadedClassList=… <recording>}, which must end by
     * itself with 0, then archives the classes it listed.
     *
     * @param recording the rest of the listing JVM's command line: options, then {@code -jar} and arguments
     * @throws IllegalStateException when a step fails; nothing is left in {@code cds/} but whole archives
     */
    void make(List<String> recording, Duration timeout) throws IOException, InterruptedException {
        if (Files.isRegularFile(archive)) {
            return;
        }
        Files.createDirectories(archive.getParent());
        Path list = archive.resolveSibling(archive.getFileName() + ".classes");
        Path part = archive.resolveSibling(archive.getFileName() + ".part");
        try {
            List<String> listing = new ArrayList<>(List.of(java(), "-XX:DumpLoadedClassList=" + list));
            listing.addAll(recording);
            run(listing, timeout, "listing the classes");
            run(List.of(java(), "-Xshare:dump", "-XX:SharedClassListFile=" + list, "-XX:SharedArchiveFile=" + part,
                    QUIET, "-cp", jar.toString()), timeout, "archiving the classes");
            Files.move(part, archive, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(list);
            Files.deleteIfExists(part);
        }
    }

    private static void run(List<String> command, Duration timeout, String step)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(step + ": no end after " + timeout);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(step + ": exit " + process.exitValue());
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /**
     * Makes the archive for the application jar {@code args[0]} (the build's {@code lexbridge-app/lexbridge.jar}):
     * one demo connector, on a test PKI of its own in {@code cds/maker} (kept, as the demo keeps its data; a rebuilt
     * jar's archive is made on it again), started to its context refresh.
     */
    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        ClassDataArchive archive = beside(jar);
        if (!archive.options().isEmpty()) {
            return; // made by an earlier build of the same jar
        }
        DemoNetwork network = new DemoNetwork(archive.archive.resolveSibling("maker"));
        network.prepare();
        DemoConnector connector = network.issuing();
        List<String> recording = new ArrayList<>(ConnectorProcess.DEMO_JVM);
        recording.addAll(List.of("-Dspring.context.exit=onRefresh", "-jar", jar.toAbsolutePath().toString(),
                "serve", "--spring.config.additional-location=file:" + connector.configFile().toAbsolutePath()));
        archive.make(recording, Duration.ofMinutes(10));
    }
}
