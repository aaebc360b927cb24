package eu.lexbridge.routes;

import eu.lexbridge.core.flow.Dispatch;
import eu.lexbridge.core.flow.RetryableSendException;
import eu.lexbridge.core.flow.SendRetries;
import eu.lexbridge.core.flow.Topology;
import eu.lexbridge.core.log.LogSafe;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Business and evidence messages to the access point. A send that may succeed later rolls the JMS transaction back,
 * so the broker delivers it again after its back-off delay — durable across restarts — for as long as the message's
 * relay timeout lasts ({@link SendRetries}); the first attempt after it issues RELAY_REMMD_FAILURE. A message an
 * asynchronous gateway took goes nowhere from here: the gateway reports later ({@code GatewayOutcomes}).
 */
public final class GatewayDispatchRoute extends RouteBuilder {

    static final String MESSAGE_ROUTE_ID = "gateway-dispatch-message";
    static final String EVIDENCE_ROUTE_ID = "gateway-dispatch-evidence";

    private final RouteSettings settings;
    private final Dispatch dispatch;
    private final SendRetries retries;

    public GatewayDispatchRoute(RouteSettings settings, Dispatch dispatch, SendRetries retries) {
        this.settings = settings;
        this.dispatch = dispatch;
        this.retries = retries;
    }

    /**
     * An expected retry is marked rollback-only rather than thrown, so neither the route's error handler nor the
     * listener container logs it as a failure with a stack trace: it is the one INFO line below. A send that fails
     * otherwise still throws, and is logged as the failure it is by the route.
     */
    private static final String QUIET_ROLLBACK = "&errorHandlerLoggingLevel=DEBUG&errorHandlerLogStackTrace=false";

    @Override
    public void configure() {
        from(settings.from(Topology.PREPARED.next()) + QUIET_ROLLBACK).routeId(MESSAGE_ROUTE_ID)
                .routePolicy(MessageIdMdc.INSTANCE).process(this::send);
        from(settings.from(Topology.EVIDENCE_ISSUED.next()) + QUIET_ROLLBACK).routeId(EVIDENCE_ROUTE_ID)
                .routePolicy(MessageIdMdc.INSTANCE).process(this::send);
    }

    private void send(Exchange exchange) {
        var id = Headers.messageId(exchange);
        try {
            if (dispatch.dispatch(id) instanceof Dispatch.AwaitingReport awaiting) {
                log.debug("{}: {}", id, awaiting.detail());
            }
        } catch (RetryableSendException e) {
            int attempt = Headers.deliveryCount(exchange);
            if (retries.failed(id, attempt, e.getMessage()) instanceof SendRetries.TryAgain again) {
                log.info("sending {} failed (attempt {}), the broker tries again{}: {}", id, attempt,
                        again.until().map(end -> " until " + end).orElse(""), LogSafe.of(e.getMessage(), 300));
                exchange.setRollbackOnly(true); // the broker delivers it again after its back-off delay
            }
        }
    }
}
