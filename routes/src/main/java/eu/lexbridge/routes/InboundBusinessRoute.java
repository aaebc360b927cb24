package eu.lexbridge.routes;

import eu.lexbridge.core.flow.InboundAcceptance;
import eu.lexbridge.core.flow.Topology;
import org.apache.camel.builder.RouteBuilder;

/**
 * Received business messages: RELAY_REMMD_ACCEPTANCE (and NON_DELIVERY for a refused container) back to the sender,
 * the accepted message on to its back-end. All in the one JMS transaction of the consumed message.
 */
public final class InboundBusinessRoute extends RouteBuilder {

    static final String ROUTE_ID = "inbound-business";
    private static final String MESSAGE_ID = "lexbridgeMessageId";
    private static final String ACCEPTED = "lexbridgeAccepted";

    private final RouteSettings settings;
    private final InboundAcceptance acceptance;

    public InboundBusinessRoute(RouteSettings settings, InboundAcceptance acceptance) {
        this.settings = settings;
        this.acceptance = acceptance;
    }

    @Override
    public void configure() {
        from(settings.from(Topology.BUSINESS_RECEIVED.next())).routeId(ROUTE_ID).routePolicy(MessageIdMdc.INSTANCE)
                .setProperty(MESSAGE_ID, body())
                .process(e -> {
                    var outcome = acceptance.accept(Headers.messageId(e));
                    e.setProperty(ACCEPTED, outcome instanceof InboundAcceptance.Accepted);
                    e.getMessage().setBody(outcome.replies().stream().map(Object::toString).toList());
                })
                .split(body())
                    .to(settings.to(Topology.EVIDENCE_ISSUED.next()))
                .end()
                .filter(exchangeProperty(ACCEPTED))
                    .setBody(exchangeProperty(MESSAGE_ID))
                    .to(settings.to(Topology.TAKEN_IN.next()));
    }
}
