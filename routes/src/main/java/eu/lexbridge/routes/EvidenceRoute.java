package eu.lexbridge.routes;

import eu.lexbridge.core.flow.EvidenceCorrelation;
import eu.lexbridge.core.flow.Topology;
import org.apache.camel.builder.RouteBuilder;

/**
 * Received evidence messages: correlated with the message we sent, whose state they move. The end of their way: a
 * refused one is a security event and a line on the subject's timeline, which the flow writes.
 */
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
        from(settings.from(Topology.EVIDENCE_RECEIVED.next())).routeId(ROUTE_ID).routePolicy(MessageIdMdc.INSTANCE)
                .process(e -> {
                    var id = Headers.messageId(e);
                    if (correlation.correlate(id) instanceof EvidenceCorrelation.Skipped skipped) {
                        log.debug("{}", skipped.why());
                    }
                });
    }
}
