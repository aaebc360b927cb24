package eu.lexbridge.app.health;

import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.core.transport.Partner;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Looks, every run, at what the connector relies on but does not control: whether each partner's access point takes a
 * connection, and how long each certificate (its own and its partners') has left. The results are kept for the health
 * components {@code partners} and {@code certificates} and set into the gauges {@value #REACHABLE} and
 * {@value #EXPIRY}, so neither a health call nor a scrape waits on a partner.
 *
 * <p>Reachable means a TCP connection to the endpoint's host and port within {@code timeout}: the cheapest sign that
 * the partner's access point is up, without sending it anything. A partner that refuses AS4 messages while accepting
 * connections is seen in {@code lexbridge.as4.sends} instead.
 */
final class PartnerWatch {

    static final String REACHABLE = "lexbridge.partner.reachable";
    static final String EXPIRY = "lexbridge.certificate.expiry";

    private final Supplier<List<Partner>> partners;
    private final List<HeldCertificate> own;
    private final Duration timeout;
    private final Clock clock;
    private final MultiGauge reachable;
    private final MultiGauge expiry;
    private volatile Map<String, Reach> reaches = Map.of();
    private volatile List<HeldCertificate> certificates;

    PartnerWatch(Supplier<List<Partner>> partners, List<HeldCertificate> own, Duration timeout, Clock clock,
                 MeterRegistry registry) {
        this.partners = Objects.requireNonNull(partners, "partners");
        this.own = List.copyOf(own);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.certificates = this.own;
        this.reachable = MultiGauge.builder(REACHABLE)
                .description("1 when the partner's access point took a TCP connection at the last look, else 0")
                .register(registry);
        this.expiry = MultiGauge.builder(EXPIRY).baseUnit("seconds")
                .description("seconds until the certificate expires; negative once it has").register(registry);
    }

    /** One look at every partner and certificate; the gauges follow (a retired partner's series go). */
    void look() {
        List<Partner> now = partners.get();
        Map<String, Reach> seen = new LinkedHashMap<>();
        for (Partner partner : now) {
            seen.put(partner.name(), reach(partner.endpoint()));
        }
        reaches = Map.copyOf(seen);
        List<HeldCertificate> held = new ArrayList<>(own);
        for (Partner partner : now) {
            held.add(new HeldCertificate(partner.name(), "as4", partner.certificate()));
            if (partner.sealCertificate() != null) {
                held.add(new HeldCertificate(partner.name(), "evidence-seal", partner.sealCertificate()));
            }
            if (partner.containerSealCertificate() != null) {
                held.add(new HeldCertificate(partner.name(), "container-seal", partner.containerSealCertificate()));
            }
        }
        certificates = List.copyOf(held);
        reachable.register(seen.entrySet().stream().map(entry -> MultiGauge.Row.of(Tags.of("partner", entry.getKey()),
                entry.getValue().reachable() ? 1 : 0)).toList(), true);
        Instant at = clock.instant();
        expiry.register(certificates.stream().map(certificate -> MultiGauge.Row.of(Tags.of("holder",
                certificate.holder(), "use", certificate.use()), certificate.left(at).toSeconds())).toList(), true);
    }

    Map<String, Reach> reaches() {
        return reaches;
    }

    List<HeldCertificate> certificates() {
        return certificates;
    }

    private Reach reach(URI endpoint) {
        Instant at = clock.instant();
        int port = endpoint.getPort() != -1 ? endpoint.getPort() : "http".equals(endpoint.getScheme()) ? 80 : 443;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), port), (int) timeout.toMillis());
            return new Reach(true, "took a connection", at);
        } catch (SocketTimeoutException e) {
            return new Reach(false, "no connection within " + timeout.toMillis() + " ms", at);
        } catch (UnknownHostException e) {
            return new Reach(false, "unknown host", at);
        } catch (IOException | IllegalArgumentException e) {
            return new Reach(false, e.getMessage() == null ? "no connection" : LogSafe.of(e.getMessage(), 200), at);
        }
    }

    /**
     * @param detail a sentence: {@code took a connection}, or why not (e.g. {@code Connection refused})
     */
    record Reach(boolean reachable, String detail, Instant at) {
    }
}
