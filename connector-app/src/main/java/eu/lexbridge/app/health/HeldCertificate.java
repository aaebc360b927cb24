package eu.lexbridge.app.health;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A certificate the connector relies on, and whose: its own ({@value #SELF}) or a partner's (the partner's name).
 *
 * @param use what it is for: {@code as4}, {@code tls}, {@code evidence-seal}, {@code container-seal}
 */
record HeldCertificate(String holder, String use, X509Certificate certificate) {

    static final String SELF = "self";

    HeldCertificate {
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(use, "use");
        Objects.requireNonNull(certificate, "certificate");
    }

    /** Until it expires; negative once it has. */
    Duration left(Instant now) {
        return Duration.between(now, certificate.getNotAfter().toInstant());
    }

    boolean own() {
        return SELF.equals(holder);
    }
}
