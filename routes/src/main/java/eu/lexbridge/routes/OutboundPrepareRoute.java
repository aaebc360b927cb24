package eu.lexbridge.routes;

import eu.lexbridge.core.flow.OutboundPreparation;
import eu.lexbridge.core.port.Hop;
import org.apache.camel.builder.RouteBuilder;

/** Submitted messages: SUBMISSION_ACCEPTANCE (or REJECTION), then on to dispatch. */
public final class OutboundPrepareRoute extends RouteBuilder {

    static final String ROUTE_ID = "outbound-prepare";
    private static final String ACCEPTED = "lexbridgeAccepted";

    private final RouteSettings settings;
    private final OutboundPreparation preparation;

    public OutboundPrepareRoute(RouteSettings settings, OutboundPreparation preparation) {
        this.settings = settings;
        this.preparation = preparation;
    }

    @Override
    public void configure() {
        from(settings.from(Hop.OUTBOUND_SUBMITTED)).routeId(ROUTE_ID).routePolicy(MessageIdMdc.INSTANCE)
                .process(e -> e.setProperty(ACCEPTED, preparation.prepare(Headers.messageId(e))))
                .filter(exchangeProperty(ACCEPTED))
                .to(settings.to(Hop.OUTBOUND_DISPATCH));
    }
}
