package eu.lexbridge.routes;

import eu.lexbridge.core.flow.BackendDelivery;
import eu.lexbridge.core.flow.Topology;
import org.apache.camel.builder.RouteBuilder;

/**
 * Taken-in inbound messages: routed to their back-end and offered through the back-end link, held for its pull or
 * pushed. A push the back-end refuses sends NON_DELIVERY back; one that could not reach it rolls back, the broker
 * delivers it again at once (its conversation's next messages behind it), and the route waits the back-end back-off
 * before it offers it again.
 */
public final class BackendDeliveryRoute extends RouteBuilder {

    static final String ROUTE_ID = "backend-delivery";
    private static final String REPLY = "lexbridgeReply";

    private final RouteSettings settings;
    private final BackendDelivery delivery;

    public BackendDeliveryRoute(RouteSettings settings, BackendDelivery delivery) {
        this.settings = settings;
        this.delivery = delivery;
    }

    @Override
    public void configure() {
        from(settings.from(Topology.TAKEN_IN.next())).routeId(ROUTE_ID).routePolicy(MessageIdMdc.INSTANCE)
                .process(e -> settings.backendBackOff().await(Headers.deliveryCount(e), this::stopping))
                .process(e -> e.setProperty(REPLY, delivery.deliver(Headers.messageId(e))
                        instanceof BackendDelivery.Refused refused ? refused.reply().toString() : null))
                .filter(exchangeProperty(REPLY).isNotNull())
                    .setBody(exchangeProperty(REPLY))
                    .to(settings.to(Topology.EVIDENCE_ISSUED.next()));
    }

    private boolean stopping() {
        return getContext().isStopping() || getContext().isStopped();
    }
}
