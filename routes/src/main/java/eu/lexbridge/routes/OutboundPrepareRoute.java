package eu.lexbridge.routes;

import eu.lexbridge.core.flow.OutboundPreparation;
import eu.lexbridge.core.flow.Topology;
import eu.lexbridge.core.log.LogSafe;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Submitted messages: SUBMISSION_ACCEPTANCE (or REJECTION), then on to dispatch. A preparation that fails rolls the
 * JMS transaction back and the broker delivers the message again; after {@link RouteSettings#maxPrepareAttempts()}
 * failed deliveries the message is rejected (SUBMISSION_REJECTION) instead. The count is the broker's delivery count,
 * so a failure that is not even an exception (an error that ends the consumer's transaction) ends the same way: the
 * delivery after the last attempt rejects without trying again.
 */
public final class OutboundPrepareRoute extends RouteBuilder {

    static final String ROUTE_ID = "outbound-prepare";
    private static final String PREPARED = "lexbridgePrepared";

    private final RouteSettings settings;
    private final OutboundPreparation preparation;

    public OutboundPrepareRoute(RouteSettings settings, OutboundPreparation preparation) {
        this.settings = settings;
        this.preparation = preparation;
    }

    @Override
    public void configure() {
        from(settings.from(Topology.SUBMITTED.next())).routeId(ROUTE_ID).routePolicy(MessageIdMdc.INSTANCE)
                .process(e -> e.setProperty(PREPARED, prepare(e) instanceof OutboundPreparation.Prepared))
                .filter(exchangeProperty(PREPARED))
                .to(settings.to(Topology.PREPARED.next()));
    }

    private OutboundPreparation.Outcome prepare(Exchange exchange) {
        var id = Headers.messageId(exchange);
        int attempt = Headers.deliveryCount(exchange);
        int max = settings.maxPrepareAttempts();
        // A delivery past the attempts is still tried: the deliveries before it may have ended with a process that was
        // killed or a broker that restarted, not with a failure of their own. A failure now is final; a message that
        // takes its process down every time goes to the dead-letter queue after the broker's attempts.
        try {
            return preparation.prepare(id);
        } catch (RuntimeException e) {
            if (attempt >= max) {
                log.warn("preparing {} failed (attempt {} of {}), it is rejected", id, attempt, max, e);
                return preparation.giveUp(id, "its preparation failed " + attempt + " times");
            }
            log.info("preparing {} failed (attempt {} of {}), the broker retries: {}", id, attempt, max,
                    LogSafe.of(e.toString()));
            throw e;
        }
    }
}
