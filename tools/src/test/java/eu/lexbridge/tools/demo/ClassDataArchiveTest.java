package eu.lexbridge.tools.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class-data archive, made and used by real JVMs from a small jar of its own. */
class ClassDataArchiveTest {

    /** What the jar runs: a class of its own, so that the archive has one to hold. */
    public static final class Hello {
        public static void main(String[] args) {
            System.out.println("hello " + new java.util.TreeMap<>(java.util.Map.of("a", 1)));
        }
    }

    @TempDir
    Path dir;

    private Path jar;

    @BeforeEach
    void aJar() throws Exception {
        jar = dir.resolve("app.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Hello.class.getName());
        String entry = Hello.class.getName().replace('.', '/') + ".class";
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest);
             InputStream in = Hello.class.getClassLoader().getResourceAsStream(entry)) {
            jarOut.putNextEntry(new JarEntry(entry));
            in.transferTo(jarOut);
        }
    }

    @Test
    void theFirstJvmListsItsClassesAndOnceArchivedTheNextOnesLoadThemFromTheArchive() throws Exception {
        ClassDataArchive archive = ClassDataArchive.beside(jar);
        ClassDataArchive.Use first = archive.begin();
        assertThat(first.recording()).isTrue();
        assertThat(archive.begin().options()).as("while another lists its classes").isEmpty();

        assertThat(run(first.options())).contains("hello {a=1}");
        archive.end(false);

        ClassDataArchive.Use next = await(() -> {
            ClassDataArchive.Use use = ClassDataArchive.beside(jar).begin();
            return use.options().isEmpty() ? null : use;
        });
        assertThat(next.recording()).isFalse();
        assertThat(next.options()).anyMatch(o -> o.startsWith("-XX:SharedArchiveFile=" + dir.resolve("cds")))
                .contains("-Xshare:auto", "-Xlog:cds*=off");
        List<String> logged = new ArrayList<>(next.options());
        logged.add("-Xlog:class+load=info");
        assertThat(run(logged).lines().filter(l -> l.contains(Hello.class.getName() + " ")))
                .singleElement().asString().contains("shared objects file");
        await(() -> { // the list, the part and the marker are removed once the archive is in place
            try (Stream<Path> files = Files.list(dir.resolve("cds"))) {
                return files.count() == 1 ? true : null;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void aListCutShortByAKillIsThrownAwayAndTheNextJvmListsAgain() throws Exception {
        ClassDataArchive archive = ClassDataArchive.beside(jar);
        String option = archive.begin().options().get(0);
        Files.writeString(Path.of(option.substring(option.indexOf('=') + 1)), "java/lang/Object\n");

        archive.end(true);

        try (Stream<Path> files = Files.list(dir.resolve("cds"))) {
            assertThat(files).isEmpty();
        }
        assertThat(archive.begin().recording()).isTrue();
    }

    @Test
    void aNewJarIsNotMappedWithTheOldJarsArchive() throws Exception {
        Path old = ClassDataArchive.beside(jar).begin().options().get(0).transform(o -> Path.of(o.substring(
                o.indexOf('=') + 1)));
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plus(1, ChronoUnit.MINUTES)));

        ClassDataArchive.Use rebuilt = ClassDataArchive.beside(jar).begin();

        assertThat(rebuilt.recording()).as("rebuilt: listed anew, beside the old jar's").isTrue();
        assertThat(rebuilt.options().get(0)).doesNotContain(old.getFileName().toString());
    }

    @Test
    void aRecorderThatDiedWithoutCleaningUpIsTakenOverOnceAbandoned() throws Exception {
        ClassDataArchive archive = ClassDataArchive.beside(jar);
        assertThat(archive.begin().recording()).isTrue();
        Path marker;
        try (Stream<Path> files = Files.list(dir.resolve("cds"))) {
            marker = files.filter(f -> f.toString().endsWith(".recording")).findFirst().orElseThrow();
        }
        assertThat(archive.begin().recording()).isFalse();

        Files.setLastModifiedTime(marker, FileTime.from(Instant.now().minus(21, ChronoUnit.MINUTES)));

        assertThat(archive.begin().recording()).isTrue();
    }

    private String run(List<String> options) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(options);
        command.addAll(List.of("-jar", jar.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }

    private static <T> T await(java.util.function.Supplier<T> check) throws InterruptedException {
        Instant end = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(end)) {
            T value = check.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not within 120 s");
    }
}
