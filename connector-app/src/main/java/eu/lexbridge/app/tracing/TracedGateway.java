package eu.lexbridge.app.tracing;

import eu.lexbridge.core.port.GatewayLink;
import eu.lexbridge.core.transport.Envelope;
import eu.lexbridge.core.transport.OutgoingPart;
import eu.lexbridge.core.transport.Partner;
import eu.lexbridge.core.transport.SendOutcome;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.List;
import java.util.Optional;

/**
 * The AS4 hop as a client span ({@value #SPAN}) under the dispatch route's: current while the gateway sends, so that
 * the trace context the request carries ({@code traceparent}) names it, and the partner's spans follow from it.
 */
final class TracedGateway implements GatewayLink, AutoCloseable {

    static final String SPAN = "as4 send";
    static final String OUTCOME = "lexbridge.as4.outcome";

    private final GatewayLink gateway;
    private final Tracer tracer;

    TracedGateway(GatewayLink gateway, Tracer tracer) {
        this.gateway = gateway;
        this.tracer = tracer;
    }

    @Override
    public Optional<String> unfit(Partner partner) {
        return gateway.unfit(partner);
    }

    @Override
    public SendOutcome send(Envelope envelope, List<OutgoingPart> parts, Partner partner) {
        Span span = tracer.spanBuilder(SPAN).setSpanKind(SpanKind.CLIENT).startSpan();
        SpanAttributes.setIfPresent(span, SpanAttributes.EBMS_MESSAGE_ID, envelope.ebmsMessageId());
        SpanAttributes.setIfPresent(span, SpanAttributes.PARTNER, partner.party().partyId());
        if (envelope.service() != null) {
            SpanAttributes.setIfPresent(span, SpanAttributes.SERVICE, envelope.service().value());
        }
        SpanAttributes.setIfPresent(span, SpanAttributes.ACTION, envelope.action());
        try (Scope ignored = span.makeCurrent()) {
            SendOutcome outcome = gateway.send(envelope, parts, partner);
            span.setAttribute(OUTCOME, outcome.status().name());
            if (outcome.status() != SendOutcome.Status.DELIVERED && outcome.status() != SendOutcome.Status.PENDING) {
                // the detail may quote the partner's error text: the outcome says enough
                span.setStatus(StatusCode.ERROR);
            }
            return outcome;
        } catch (RuntimeException | Error e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }

    /** The gateway's own resources (the embedded access point's HTTP client) close with it. */
    @Override
    public void close() throws Exception {
        if (gateway instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
