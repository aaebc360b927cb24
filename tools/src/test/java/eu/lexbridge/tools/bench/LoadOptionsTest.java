package eu.lexbridge.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.flow.DocumentPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LoadOptionsTest {

    private static LoadOptions closed(Integer inFlight, Integer messages) {
        return new LoadOptions(Path.of("d"), inFlight, messages, null, null, 30, 10240, 102400,
                DocumentPolicy.AUTHENTICATION, true, null, 4, Duration.ofSeconds(180), List.of());
    }

    private static LoadOptions open(Double rate, Duration duration) {
        return new LoadOptions(Path.of("d"), null, null, rate, duration, 30, 10240, 102400,
                DocumentPolicy.AUTHENTICATION, true, null, 4, Duration.ofSeconds(180), List.of());
    }

    @Test
    void theDefaultsAreAClosedLoopOfTwoHundredEightInFlight() {
        LoadOptions options = closed(null, null);

        assertThat(options.problems()).isEmpty();
        assertThat(options.openLoop()).isFalse();
        assertThat(options.measuredMessages()).isEqualTo(200);
        assertThat(options.effectiveInFlight()).isEqualTo(8);
    }

    @Test
    void anOpenLoopSendsRateTimesDuration() {
        LoadOptions options = open(20.0, Duration.ofSeconds(60));

        assertThat(options.problems()).isEmpty();
        assertThat(options.openLoop()).isTrue();
        assertThat(options.measuredMessages()).isEqualTo(1200);
    }

    @Test
    void eachWrongOptionIsNamedWithWhatWouldBeRight() {
        assertThat(closed(0, -1).problems()).containsExactly("--in-flight must be at least 1, was 0",
                "--messages must be at least 1, was -1");
        assertThat(open(20.0, null).problems()).containsExactly("--rate needs --duration, e.g. --duration 60s");
        assertThat(open(-1.0, Duration.ofSeconds(1)).problems()).anyMatch(p -> p.startsWith("--rate must be"));
        assertThat(open(0.1, Duration.ofSeconds(1)).problems()).containsExactly(
                "--rate × --duration sends no message at all");
        var both = new LoadOptions(Path.of("d"), 4, null, 20.0, Duration.ofSeconds(5), 0, 1, 1000,
                DocumentPolicy.AUTHENTICATION, true, null, 0, Duration.ZERO, List.of());
        assertThat(both.problems()).containsExactly(
                "--rate (open loop) and --in-flight/--messages (closed loop) exclude each other",
                "--document-size must be at least 2048 bytes (a PDF), was 1000",
                "--consumers must be at least 1, was 0", "--timeout must be positive, was PT0S");
        var durationWithoutRate = new LoadOptions(Path.of("d"), null, null, null, Duration.ofSeconds(5), -1, 0,
                4096, DocumentPolicy.AUTHENTICATION, true, null, 1, Duration.ofSeconds(1), List.of());
        assertThat(durationWithoutRate.problems()).containsExactly(
                "--duration goes with --rate (open loop); closed loop counts --messages",
                "--warm-up must not be negative, was -1", "--content-size must be at least 1 byte, was 0");
    }

    @Test
    void ratesDurationsAndSizesAsPeopleWriteThem() {
        assertThat(LoadOptions.parseRate("20/s")).isEqualTo(20.0);
        assertThat(LoadOptions.parseRate(" 2.5 ")).isEqualTo(2.5);
        assertThat(LoadOptions.parseDuration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(LoadOptions.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(LoadOptions.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(LoadOptions.parseDuration("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
        assertThat(LoadOptions.parseSize("10KB")).isEqualTo(10240);
        assertThat(LoadOptions.parseSize("1MB")).isEqualTo(1048576);
        assertThat(LoadOptions.parseSize("2048")).isEqualTo(2048);
        assertThatThrownBy(() -> LoadOptions.parseRate("fast")).hasMessageContaining("20/s");
        assertThatThrownBy(() -> LoadOptions.parseDuration("soon")).hasMessageContaining("90s");
        assertThatThrownBy(() -> LoadOptions.parseDuration("")).hasMessageContaining("90s");
        assertThatThrownBy(() -> LoadOptions.parseSize("lots")).hasMessageContaining("10KB");
        assertThatThrownBy(() -> LoadOptions.parseSize("4096MB")).hasMessageContaining("10KB");
    }

    @Test
    void theCommandRefusesWrongOptionsWithExitCodeTwoBeforeStartingAnything() {
        var out = new java.io.StringWriter();
        var cli = new CommandLine(new BenchCommand()).setErr(new java.io.PrintWriter(out))
                .setParameterExceptionHandler((e, a) -> {
                    e.getCommandLine().getErr().println(e.getMessage());
                    return 2;
                });

        int exit = cli.execute("load", "--rate", "20/s", "--in-flight", "4", "--dir", "target/never-used");

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString()).contains("exclude each other").contains("--rate needs --duration");
        assertThat(Path.of("target/never-used")).doesNotExist();
    }

    @Test
    void theCommandReadsItsOptionsIntoLoadOptions() {
        LoadCommand load = new LoadCommand();
        new CommandLine(load).parseArgs("--rate", "20/s", "--duration", "60s", "--warm-up", "5",
                "--document-size", "1MB", "--policy", "QUALIFIED", "--no-baseline",
                "--jvm-options=-Xmx512m -XX:+UseG1GC");

        LoadOptions options = load.options();

        assertThat(options.rate()).isEqualTo(20.0);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.warmUp()).isEqualTo(5);
        assertThat(options.contentBytes()).isEqualTo(10240);
        assertThat(options.documentBytes()).isEqualTo(1048576);
        assertThat(options.policy()).isEqualTo(DocumentPolicy.QUALIFIED);
        assertThat(options.baseline()).isFalse();
        assertThat(options.jvmOptions()).containsExactly("-Xmx512m", "-XX:+UseG1GC");
    }
}
