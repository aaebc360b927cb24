package eu.lexbridge.routes;

import eu.lexbridge.core.flow.BackendDelivery;
import eu.lexbridge.core.port.Hop;
import org.apache.camel.builder.RouteBuilder;

/** Accepted inbound messages: routed to their back-end, which fetches them (pull). */
public final class BackendDeliveryRoute extends RouteBuilder {

    static final String ROUTE_ID = "backend-delivery";

    private final RouteSettings settings;
    private final BackendDelivery delivery;

    public BackendDeliveryRoute(RouteSettings settings, BackendDelivery delivery) {
        this.settings = settings;
        this.delivery = delivery;
    }

    @Override
    public void configure() {
        from(settings.from(Hop.BACKEND_DELIVERY)).routeId(ROUTE_ID).routePolicy(MessageIdMdc.INSTANCE)
                .process(e -> delivery.deliver(Headers.messageId(e)));
    }
}
