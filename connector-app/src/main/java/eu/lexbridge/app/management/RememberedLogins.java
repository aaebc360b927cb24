package eu.lexbridge.app.management;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The management port's password check, remembering a success for a while: HTTP Basic sends the password with every
 * request, and each check of an adaptive hash (BCrypt, deliberately slow) costs tens of milliseconds of CPU: a
 * Prometheus scrape every few seconds was a sixth of a loaded connector's CPU. A password that matched is remembered
 * as an HMAC of the stored hash and the password under a key made at start and never stored, for {@code remember};
 * the same pair within that time is accepted without a new check. A wrong password is always checked in full, so
 * guessing stays as slow as the hash makes it; a changed hash (new configuration) matches nothing remembered.
 */
final class RememberedLogins implements PasswordEncoder {

    /** Few people and scrapers log in; more successes than this within the time forget the oldest. */
    private static final int MOST_REMEMBERED = 64;

    private final PasswordEncoder checks;
    private final Duration remember;
    private final Clock clock;
    private final byte[] key = new byte[32];
    private final Map<String, Instant> remembered = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > MOST_REMEMBERED;
        }
    };

    RememberedLogins(PasswordEncoder checks, Duration remember, Clock clock) {
        this.checks = checks;
        this.remember = remember;
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return checks.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null || remember.isZero()) {
            return checks.matches(rawPassword, encodedPassword);
        }
        String pair = mac(rawPassword, encodedPassword);
        Instant now = clock.instant();
        synchronized (remembered) {
            Instant until = remembered.get(pair);
            if (until != null && now.isBefore(until)) {
                return true;
            }
            remembered.remove(pair);
        }
        boolean matches = checks.matches(rawPassword, encodedPassword);
        if (matches) {
            synchronized (remembered) {
                remembered.put(pair, now.plus(remember));
            }
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return checks.upgradeEncoding(encodedPassword);
    }

    private String mac(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
