package eu.lexbridge.routes;

import eu.lexbridge.core.flow.EvidenceForwarding;
import eu.lexbridge.core.flow.Topology;
import org.apache.camel.builder.RouteBuilder;

/**
 * Evidences about the back-ends' outbound messages, to their back-ends: a timer relays them from the outbox onto their
 * queue (the conversation as message group), and the queue's consumer offers each through the back-end link. A push
 * back-end that cannot be reached rolls the JMS transaction back; the broker delivers the evidence again at once, the
 * conversation's later evidences behind it, and the route waits the back-end back-off before it offers it again.
 */
public final class EvidenceForwardingRoute extends RouteBuilder {

    static final String RELAY_ROUTE_ID = "backend-evidence-relay";
    static final String ROUTE_ID = "backend-evidence";

    private final RouteSettings settings;
    private final EvidenceForwarding forwarding;

    public EvidenceForwardingRoute(RouteSettings settings, EvidenceForwarding forwarding) {
        this.settings = settings;
        this.forwarding = forwarding;
    }

    @Override
    public void configure() {
        from("timer:lexbridge-evidence-relay?period=" + settings.evidenceRelayInterval().toMillis())
                .routeId(RELAY_ROUTE_ID)
                .process(e -> forwarding.relay());
        from(settings.from(Topology.EVIDENCE_RECORDED.next())).routeId(ROUTE_ID).routePolicy(MessageIdMdc.INSTANCE)
                .process(e -> settings.backendBackOff().await(Headers.deliveryCount(e),
                        () -> getContext().isStopping() || getContext().isStopped()))
                .process(e -> {
                    if (forwarding.forward(Headers.messageId(e)) instanceof EvidenceForwarding.Skipped skipped) {
                        log.debug("{}", skipped.why());
                    }
                });
    }
}
