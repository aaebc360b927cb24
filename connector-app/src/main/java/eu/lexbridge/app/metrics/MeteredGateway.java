package eu.lexbridge.app.metrics;

import eu.lexbridge.core.port.GatewayLink;
import eu.lexbridge.core.transport.Envelope;
import eu.lexbridge.core.transport.OutgoingPart;
import eu.lexbridge.core.transport.Partner;
import eu.lexbridge.core.transport.SendOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Locale;

/**
 * Times each AS4 send attempt and counts it by partner and outcome ({@value #METER}: {@code delivered},
 * {@code retryable}, {@code failed}, {@code pending}), so that an operator sees a partner going down before a message
 * gives up. An attempt that throws counts as {@code failed} and the exception goes on.
 */
final class MeteredGateway implements GatewayLink, AutoCloseable {

    static final String METER = "lexbridge.as4.sends";

    private final GatewayLink gateway;
    private final MeterRegistry registry;

    MeteredGateway(GatewayLink gateway, MeterRegistry registry) {
        this.gateway = gateway;
        this.registry = registry;
    }

    @Override
    public Optional<String> unfit(Partner partner) {
        return gateway.unfit(partner);
    }

    @Override
    public SendOutcome send(Envelope envelope, List<OutgoingPart> parts, Partner partner) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "failed";
        try {
            SendOutcome result = gateway.send(envelope, parts, partner);
            outcome = result.status() == SendOutcome.Status.RETRYABLE_FAILURE ? "retryable"
                    : result.status().name().toLowerCase(Locale.ROOT);
            return result;
        } finally {
            sample.stop(Timer.builder(METER).description("AS4 send attempts by partner and outcome")
                    .tag("partner", partner.name()).tag("outcome", outcome).publishPercentileHistogram()
                    .maximumExpectedValue(Duration.ofMinutes(10)).register(registry));
        }
    }

    /** The gateway's own resources (the embedded access point's HTTP client) close with it. */
    @Override
    public void close() throws Exception {
        if (gateway instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
