package eu.lexbridge.app.gateway;

import eu.lexbridge.gateway.domibus.DomibusProbe;
import eu.lexbridge.gateway.domibus.TransportTrouble;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * The health component {@code domibus}: DOWN when Domibus does not answer the plugin user, with what it met and what to
 * check, naming the setting. Domibus is asked at most every {@link #EVERY}, whoever asks for the health. Not in
 * readiness: messages wait in their queue for Domibus as they wait for a partner, and every replica would be out.
 */
final class DomibusHealth implements HealthIndicator {

    static final Duration EVERY = Duration.ofSeconds(30);
    /** The gauge of the same answer, for alerts: 1 while Domibus answers, 0 while it does not. */
    static final String REACHABLE = "lexbridge.gateway.reachable";
    private static final String KEY = "lexbridge.gateway.domibus.";

    private final DomibusProbe probe;
    private final Clock clock;
    private final AtomicReference<Asked> last = new AtomicReference<>();

    private record Asked(Instant at, Health health) {
    }

    DomibusHealth(DomibusProbe probe, Clock clock) {
        this.probe = probe;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Asked asked = last.get();
        Instant now = clock.instant();
        if (asked == null || !now.isBefore(asked.at().plus(EVERY))) {
            asked = new Asked(now, ask());
            last.set(asked);
        }
        return asked.health();
    }

    /** 1 while Domibus answered the last time it was asked, 0 while it did not: for the gauge. */
    double reachable() {
        return Status.UP.equals(health().getStatus()) ? 1 : 0;
    }

    private Health ask() {
        return probe.check().map(unanswered -> Health.down()
                        .withDetail("address", unanswered.address())
                        .withDetail("problem", unanswered.detail())
                        .withDetail("check", advice(unanswered.trouble())).build())
                .orElseGet(() -> Health.up().build());
    }

    static String advice(TransportTrouble.Kind trouble) {
        switch (trouble) {
            case CONNECTION_REFUSED:
            case UNKNOWN_HOST:
                return "that Domibus runs and that " + KEY + "url is its WS plugin's address";
            case TIMEOUT:
                return "that Domibus is not overloaded and nothing between drops the connection; " + KEY
                        + "connect-timeout and receive-timeout";
            case TLS:
                return "that " + KEY + "trust-store holds the CA of Domibus's TLS certificate and that the host name of "
                        + KEY + "url is in that certificate";
            case REFUSED_USER:
                return KEY + "username and " + KEY + "password against the plugin users of Domibus";
            default:
                return KEY + "url (the WS plugin's address), the plugin user, and Domibus's log";
        }
    }
}
