package eu.lexbridge.app.tracing;

import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.port.MessageStore;
import io.opentelemetry.api.trace.Span;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.opentelemetry2.OpenTelemetryTracer;
import org.apache.camel.support.ExchangeHelper;
import org.apache.camel.telemetry.Op;

/**
 * Camel's own OpenTelemetry support, with each route's span named after the route's id (Camel names it after the
 * endpoint, the same {@code jms} for every queue) and carrying the ids of the message the route works on. Only ids and
 * the envelope's names: a queue message's body is an id, never content.
 */
final class RouteTracer extends OpenTelemetryTracer {

    private final Supplier<MessageStore> store;

    RouteTracer(Supplier<MessageStore> store) {
        this.store = store;
    }

    @Override
    protected void beginEventSpan(Exchange exchange, Endpoint endpoint, Op op) throws Exception {
        super.beginEventSpan(exchange, endpoint, op);
        String routeId = ExchangeHelper.getRouteId(exchange);
        if (op != Op.EVENT_RECEIVED || routeId == null) {
            return;
        }
        // the span Camel has just begun is the current one on this thread
        Span span = Span.current();
        span.updateName(routeId);
        queuedId(exchange).ifPresent(id -> {
            Optional<ConnectorMessage> message = find(id);
            if (message.isPresent()) {
                SpanAttributes.of(message.get(), span);
            } else {
                // the evidence hops carry an evidence's id
                span.setAttribute(SpanAttributes.QUEUED_ID, id.toString());
            }
        });
    }

    /**
     * Camel records a failed exchange's exception message as a span event; it may quote an outside text (a partner's
     * error, a document's content). The span gets the exception's type instead, and the exchange its own exception back.
     */
    @Override
    protected void endEventSpan(Exchange exchange, Endpoint endpoint) throws Exception {
        Exception failure = exchange.getException();
        if (failure == null) {
            super.endEventSpan(exchange, endpoint);
            return;
        }
        exchange.setException(new RedactedFailure(failure));
        try {
            super.endEventSpan(exchange, endpoint);
        } finally {
            exchange.setException(failure);
        }
    }

    /** Only the type of the failure, for the span. */
    static final class RedactedFailure extends Exception {
        RedactedFailure(Exception failure) {
            super(failure.getClass().getName(), null, false, false);
        }
    }

    /** A database that cannot answer now costs the span its attributes, never the route its step. */
    private Optional<ConnectorMessage> find(UUID id) {
        try {
            return store.get().find(id);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<UUID> queuedId(Exchange exchange) {
        String body = exchange.getMessage().getBody(String.class);
        if (body == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(body.strip()));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
