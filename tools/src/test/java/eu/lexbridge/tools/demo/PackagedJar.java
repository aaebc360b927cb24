package eu.lexbridge.tools.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;

/** The packaged application the end-to-end tests start: the build's extracted jar (failsafe's {@code lexbridge.jar}). */
public final class PackagedJar {

    private PackagedJar() {
    }

    /** Its absolute path; the test fails here, saying so, where the build did not make it. */
    public static Path path() {
        Path jar = Paths.get(System.getProperty("lexbridge.jar", "target/lexbridge.jar")).toAbsolutePath();
        assertThat(jar).as("the packaged application").exists();
        return jar;
    }
}
