package eu.lexbridge.tools.demo;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A class-data-sharing archive of the connector application (the JDK's AppCDS), in {@code cds/} beside its jar, for
 * runs that start many connectors (the end-to-end tests, with {@code -Dlexbridge.class-data-archive=true}): the first
 * connector started from a jar writes the list of the classes it loads; when it has stopped, a JVM of its own
 * ({@code -Xshare:dump}, in the background, about a minute of CPU) archives them; the connectors started after that
 * map the archive instead of reading, parsing and verifying those classes again, a third less CPU to start (see
 * docs/performance.md). The JDK's dynamic archive ({@code -XX:ArchiveClassesAtExit}) was tried first: the recording
 * connector started three times slower, slow enough to miss a test's start-up patience.
 *
 * <p>An archive fits one jar and one JVM only, so its name carries the jar's modification time and the JVM's version;
 * a JVM that still finds it unusable starts without it ({@code -Xshare:auto}) and says nothing ({@code -Xlog:cds*=off}).
 * One connector records at a time; a list cut short (the JVM killed) is thrown away.
 */
final class ClassDataArchive {

    static final String ENABLED = "lexbridge.class-data-archive";
    /** A recorder that left its marker more than this long ago died without cleaning up: another may record. */
    private static final Duration ABANDONED = Duration.ofMinutes(20);
    private static final String QUIET = "-Xlog:cds*=off";

    private final Path jar;
    private final Path archive;
    private final Path list;
    private final Path recording;

    private ClassDataArchive(Path jar, Path archive) {
        this.jar = jar;
        this.archive = archive;
        this.list = archive.resolveSibling(archive.getFileName() + ".classes");
        this.recording = archive.resolveSibling(archive.getFileName() + ".recording");
    }

    /** Whether this JVM's connectors use the archive: only where asked, since making it costs a minute of CPU. */
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

    /** The JVM options of one more connector: map the archive, list its classes, or neither while another lists. */
    Use begin() {
        if (Files.isRegularFile(archive)) {
            return new Use(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", QUIET), false);
        }
        if (!claimRecording()) {
            return new Use(List.of(), false);
        }
        try {
            Files.deleteIfExists(list);
        } catch (IOException e) {
            release();
            return new Use(List.of(), false);
        }
        return new Use(List.of("-XX:DumpLoadedClassList=" + list), true);
    }

    /**
     * After the listing JVM has ended: if it stopped by itself or on SIGTERM, archives the classes it listed in a JVM
     * of its own, in the background, which leaves the archive in place once it is whole; if it was killed, throws the
     * list away.
     */
    void end(boolean killed) {
        try {
            if (!killed && Files.isRegularFile(list) && Files.size(list) > 0) {
                Path part = archive.resolveSibling(archive.getFileName() + ".part");
                String java = ProcessHandle.current().info().command().orElse("java");
                // a shell, so that the archive is put in place even when this JVM has ended before the dump
                new ProcessBuilder("sh", "-c", "\"$0\" -Xshare:dump -XX:SharedClassListFile=\"$1\" "
                        + "-XX:SharedArchiveFile=\"$2\" " + QUIET + " -cp \"$3\" && mv \"$2\" \"$4\"; "
                        + "rm -f \"$1\" \"$2\" \"$5\"", java, list.toString(), part.toString(), jar.toString(),
                        archive.toString(), recording.toString())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                return; // the shell releases the marker
            }
            Files.deleteIfExists(list);
        } catch (IOException e) {
            // no archive this time: the next connector records again
        }
        release();
    }

    private boolean claimRecording() {
        try {
            Files.createDirectories(recording.getParent());
            Files.createFile(recording);
            return true;
        } catch (FileAlreadyExistsException e) {
            try {
                if (Files.getLastModifiedTime(recording).toInstant().isBefore(Instant.now().minus(ABANDONED))) {
                    Files.delete(recording);
                    Files.createFile(recording);
                    return true;
                }
            } catch (IOException raced) {
                // another connector took it over first
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private void release() {
        try {
            Files.deleteIfExists(recording);
        } catch (IOException e) {
            // left behind, it is taken over once abandoned
        }
    }

    /** @param recording whether this JVM lists its classes for the archive */
    record Use(List<String> options, boolean recording) {
    }
}
