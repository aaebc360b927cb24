package eu.lexbridge.tools.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void aJvmListsItsClassesAJvmOfItsOwnArchivesThemAndTheNextOnesLoadThemFromTheArchive() throws Exception {
        ClassDataArchive archive = ClassDataArchive.beside(jar);
        assertThat(archive.options()).as("before it is made").isEmpty();

        archive.make(List.of("-jar", jar.toString()), Duration.ofMinutes(2));

        List<String> options = ClassDataArchive.beside(jar).options();
        assertThat(options).anyMatch(o -> o.startsWith("-XX:SharedArchiveFile=" + dir.resolve("cds")))
                .contains("-Xshare:auto", "-Xlog:cds*=off");
        List<String> logged = new ArrayList<>(options);
        logged.add("-Xlog:class+load=info");
        assertThat(run(logged).lines().filter(l -> l.contains(Hello.class.getName() + " ")))
                .singleElement().asString().contains("shared objects file");
        try (Stream<Path> files = Files.list(dir.resolve("cds"))) {
            assertThat(files).as("the list and the part are gone, the archive is whole").hasSize(1);
        }
    }

    @Test
    void aListingJvmThatFailsLeavesNoArchive() throws Exception {
        ClassDataArchive archive = ClassDataArchive.beside(jar);

        assertThatThrownBy(() -> archive.make(List.of("-jar", dir.resolve("no-such.jar").toString()),
                Duration.ofMinutes(2))).hasMessageContaining("listing the classes: exit 1");

        assertThat(archive.options()).isEmpty();
        try (Stream<Path> files = Files.list(dir.resolve("cds"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aNewJarIsNotMappedWithTheOldJarsArchive() throws Exception {
        ClassDataArchive.beside(jar).make(List.of("-jar", jar.toString()), Duration.ofMinutes(2));
        assertThat(ClassDataArchive.beside(jar).options()).isNotEmpty();

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plus(1, ChronoUnit.MINUTES)));

        assertThat(ClassDataArchive.beside(jar).options()).as("rebuilt: made anew, not the old jar's").isEmpty();
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
}
