package eu.lexbridge.routes;

import eu.lexbridge.core.evidence.RejectionReason;
import eu.lexbridge.core.flow.Dispatch;
import eu.lexbridge.core.flow.RetryableSendException;
import eu.lexbridge.core.flow.Topology;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Business and evidence messages to the access point. A send that may succeed later rolls the JMS transaction back,
 * so the broker delivers it again after its back-off delay — durable across restarts. The last attempt gives up and
 * issues RELAY_REMMD_FAILURE at once, instead of waiting for a relay timeout. A message an asynchronous gateway took
 * goes nowhere from here: the gateway reports later ({@code GatewayOutcomes}).
 */
public final class GatewayDispatchRoute extends RouteBuilder {

    static final String MESSAGE_ROUTE_ID = "gateway-dispatch-message";
    static final String EVIDENCE_ROUTE_ID = "gateway-dispatch-evidence";

    private final RouteSettings settings;
    private final Dispatch dispatch;

    public GatewayDispatchRoute(RouteSettings settings, Dispatch dispatch) {
        this.settings = settings;
        this.dispatch = dispatch;
    }

    @Override
    public void configure() {
        from(settings.from(Topology.PREPARED.next())).routeId(MESSAGE_ROUTE_ID).routePolicy(MessageIdMdc.INSTANCE)
                .process(this::send);
        from(settings.from(Topology.EVIDENCE_ISSUED.next())).routeId(EVIDENCE_ROUTE_ID)
                .routePolicy(MessageIdMdc.INSTANCE)
                .process(this::send);
    }

    private void send(Exchange exchange) {
        var id = Headers.messageId(exchange);
        try {
            if (dispatch.dispatch(id) instanceof Dispatch.AwaitingReport awaiting) {
                log.debug("{}: {}", id, awaiting.detail());
            }
        } catch (RetryableSendException e) {
            int attempt = Headers.deliveryCount(exchange);
            if (attempt >= settings.maxSendAttempts()) {
                dispatch.giveUp(id, RejectionReason.UNREACHABLE.because(e.getMessage() + " (after " + attempt
                        + " attempts)"));
            } else {
                log.info("sending {} failed (attempt {} of {}), the broker retries: {}", id, attempt,
                        settings.maxSendAttempts(), e.getMessage());
                throw e;
            }
        }
    }
}
