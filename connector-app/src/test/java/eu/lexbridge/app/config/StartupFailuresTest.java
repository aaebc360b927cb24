package eu.lexbridge.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.app.LexbridgeApplication;
import eu.lexbridge.app.TestConnectorSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Issue 15 item 5: a whole connector started with a key store it cannot open stops with a short report that names the
 * setting, the file and what is wrong, and says what to do; no stack trace (before: some 150 lines, the file named in
 * the fifth nested exception, the setting never, a wrong password ending on {@code BadPaddingException}); the same for
 * a database that does not answer or refuses the password (before: some 130 lines ending on the driver's exception).
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailuresTest {

    @TempDir
    static Path root;

    @Test
    void aWrongKeyStorePasswordNamesTheSettingAndThePasswordSetting(CapturedOutput output) {
        String report = failedStart(output, "lexbridge.as4.key-store-password=not-the-password");

        assertThat(report).contains("lexbridge.as4.key-store (")
                .contains("as4.p12): the password is wrong.")
                .contains("Set the file's password in lexbridge.as4.key-store-password");
    }

    @Test
    void aMissingKeyStoreNamesTheSettingAndTheFile(CapturedOutput output) {
        Path missing = root.resolve("keys").resolve("seal.p12");
        String report = failedStart(output, "lexbridge.evidence.seal.key-store=" + missing);

        assertThat(report).contains("lexbridge.evidence.seal.key-store (" + missing + "): does not exist or is not a "
                + "file.").contains("Put the file there, or point lexbridge.evidence.seal.key-store at it");
    }

    @Test
    void aDatabaseThatDoesNotAnswerNamesTheUrl(CapturedOutput output) throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort(); // free once closed: nothing listens there
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closed + "/lexbridge";
        String report = failedStart(output, "spring.datasource.url=" + url, "spring.datasource.username=lexbridge");

        assertThat(report).contains("spring.datasource.url (" + url + "): no database answers there.")
                .contains("Start the database, or point spring.datasource.url at it");
    }

    @Test
    void aWrongDatabasePasswordNamesTheUserAndThePasswordSetting(CapturedOutput output) throws Exception {
        Path pgData = root.resolve("pg");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(pgData)
                .setCleanDataDirectory(true).start()) {
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE USER lexbridge PASSWORD 'the-password'");
                // the embedded server trusts every local user: from here on, passwords count
                Files.writeString(pgData.resolve("pg_hba.conf"), "host all postgres 127.0.0.1/32 trust\n"
                        + "host all all 127.0.0.1/32 scram-sha-256\nhost all all ::1/128 scram-sha-256\n");
                s.execute("SELECT pg_reload_conf()");
            }
            String url = postgres.getJdbcUrl("lexbridge", "postgres");
            String report = failedStart(output, "spring.datasource.url=" + url,
                    "spring.datasource.username=lexbridge", "spring.datasource.password=not-the-password");

            assertThat(report).contains("The database at spring.datasource.url (" + url + ") refused the user "
                    + "lexbridge (spring.datasource.username): the user name or the password is wrong.")
                    .contains("Set spring.datasource.password");
        }
    }

    /** The start-up report, from its banner on; it holds no stack frame. */
    private static String failedStart(CapturedOutput output, String... overrides) {
        Map<String, Object> settings = new LinkedHashMap<>();
        TestConnectorSettings.register((name, value) -> settings.put(name, value.get()), root, "startup-test-token");
        settings.putIfAbsent("server.port", 0);
        settings.putIfAbsent("management.server.port", 0);
        for (String override : overrides) { // name=value, in place of the working value
            settings.put(override.substring(0, override.indexOf('=')), override.substring(override.indexOf('=') + 1));
        }
        List<String> arguments = new ArrayList<>();
        settings.forEach((name, value) -> arguments.add("--" + name + "=" + value));

        assertThatThrownBy(() -> new SpringApplicationBuilder(LexbridgeApplication.class)
                .run(arguments.toArray(String[]::new))).isNotNull();

        String out = output.getOut() + output.getErr();
        int banner = out.lastIndexOf("APPLICATION FAILED TO START");
        assertThat(banner).as("a start-up report").isNotNegative();
        String report = out.substring(banner);
        assertThat(report).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(report.lines().filter(line -> !line.isBlank()).count()).as("a few lines").isLessThanOrEqualTo(8);
        return report;
    }
}
