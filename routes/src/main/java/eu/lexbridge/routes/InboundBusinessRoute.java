package eu.lexbridge.routes;

import eu.lexbridge.core.flow.InboundAcceptance;
import eu.lexbridge.core.port.Hop;
import org.apache.camel.builder.RouteBuilder;

/**
 * Received business messages: RELAY_REMMD_ACCEPTANCE (and NON_DELIVERY for a refused container) back to the sender,
 * the message on to its back-end. All in the one JMS transaction of the consumed message.
 */
public final class InboundBusinessRoute extends RouteBuilder {

    static final String ROUTE_ID = "inbound-business";
    private static final String MESSAGE_ID = "lexbridgeMessageId";

    private final RouteSettings settings;
    private final InboundAcceptance acceptance;

    public InboundBusinessRoute(RouteSettings settings, InboundAcceptance acceptance) {
        this.settings = settings;
        this.acceptance = acceptance;
    }

    @Override
    public void configure() {
        from(settings.from(Hop.INBOUND_BUSINESS)).routeId(ROUTE_ID).routePolicy(MessageIdMdc.INSTANCE)
                .setProperty(MESSAGE_ID, body())
                .process(e -> e.getMessage().setBody(acceptance.accept(Headers.messageId(e)).stream()
                        .map(Object::toString).toList()))
                .split(body())
                    .to(settings.to(Hop.EVIDENCE_OUTBOUND))
                .end()
                .setBody(exchangeProperty(MESSAGE_ID))
                .to(settings.to(Hop.BACKEND_DELIVERY));
    }
}
