package eu.lexbridge.app.management;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class RememberedLoginsTest {

    private final AtomicInteger fullChecks = new AtomicInteger();
    private final PasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            fullChecks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };
    private Instant now = Instant.parse("2026-12-05T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final String hash = bcrypt.encode("scrape-password");

    @Test
    void aPasswordThatMatchedIsAcceptedWithoutANewCheckUntilTheTimeIsUp() {
        var logins = new RememberedLogins(counting, Duration.ofMinutes(5), clock);

        for (int scrape = 0; scrape < 20; scrape++) {
            assertThat(logins.matches("scrape-password", hash)).isTrue();
            now = now.plusSeconds(10);
        }
        assertThat(fullChecks).hasValue(1);

        now = now.plus(Duration.ofMinutes(5));
        assertThat(logins.matches("scrape-password", hash)).isTrue();
        assertThat(fullChecks).as("checked again once the time is up").hasValue(2);
    }

    @Test
    void aWrongPasswordIsCheckedInFullEveryTimeAndNeverRemembered() {
        var logins = new RememberedLogins(counting, Duration.ofMinutes(5), clock);
        assertThat(logins.matches("scrape-password", hash)).isTrue();

        for (int guess = 0; guess < 5; guess++) {
            assertThat(logins.matches("guess-" + guess, hash)).isFalse();
            assertThat(logins.matches("scrape-password ", hash)).isFalse();
        }
        assertThat(fullChecks).hasValue(11);
    }

    @Test
    void aChangedHashMatchesNothingRemembered() {
        var logins = new RememberedLogins(counting, Duration.ofMinutes(5), clock);
        assertThat(logins.matches("scrape-password", hash)).isTrue();

        String rotated = bcrypt.encode("new-password");
        assertThat(logins.matches("scrape-password", rotated)).isFalse();
        assertThat(logins.matches("new-password", rotated)).isTrue();
        assertThat(fullChecks).hasValue(3);
    }

    @Test
    void zeroChecksEveryRequest() {
        var logins = new RememberedLogins(counting, Duration.ZERO, clock);

        logins.matches("scrape-password", hash);
        logins.matches("scrape-password", hash);

        assertThat(fullChecks).hasValue(2);
    }
}
