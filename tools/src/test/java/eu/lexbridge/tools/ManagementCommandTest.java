package eu.lexbridge.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** {@code lexbridge management hash-password} reads the password from standard input and prints only its hash. */
class ManagementCommandTest {

    @Test
    void aPasswordFromStandardInputBecomesABcryptHashThatMatchesIt() {
        CliRun run = withInput("correct horse battery staple\n", "management", "hash-password");
        assertThat(run.exit()).isZero();
        String hash = run.out().strip();
        assertThat(hash).startsWith("{bcrypt}$2a$10$").doesNotContain("horse");
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder()
                .matches("correct horse battery staple", hash)).isTrue();
    }

    @Test
    void aShortOrMissingPasswordIsRefused() {
        CliRun shortOne = withInput("secret\n", "management", "hash-password");
        assertThat(shortOne.exit()).isEqualTo(2);
        assertThat(shortOne.err()).contains("at least 12 characters");
        assertThat(shortOne.out()).isEmpty();
        assertThat(withInput("", "management", "hash-password").exit()).isEqualTo(2);
    }

    @Test
    void thePasswordIsNeverAnArgument() {
        CliRun run = withInput("", "management", "hash-password", "my-password-here");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Unmatched argument");
    }

    private static CliRun withInput(String input, String... args) {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return CliRun.of(args);
        } finally {
            System.setIn(original);
        }
    }
}
