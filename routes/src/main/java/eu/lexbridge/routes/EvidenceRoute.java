package eu.lexbridge.routes;

import eu.lexbridge.core.flow.EvidenceCorrelation;
import eu.lexbridge.core.port.Hop;
import org.apache.camel.builder.RouteBuilder;

/** Received evidence messages: correlated with the message we sent, whose state they move. */
public final class EvidenceRoute extends RouteBuilder {

    static final String ROUTE_ID = "evidence-inbound";

    private final RouteSettings settings;
    private final EvidenceCorrelation correlation;

    public EvidenceRoute(RouteSettings settings, EvidenceCorrelation correlation) {
        this.settings = settings;
        this.correlation = correlation;
    }

    @Override
    public void configure() {
        from(settings.from(Hop.EVIDENCE_INBOUND)).routeId(ROUTE_ID).routePolicy(MessageIdMdc.INSTANCE)
                .process(e -> correlation.correlate(Headers.messageId(e)));
    }
}
