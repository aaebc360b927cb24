package eu.lexbridge.app.tracing;

import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.Direction;
import io.opentelemetry.api.trace.Span;

/** The attribute keys LexBridge adds to spans; nothing else of a message is ever put on a span. */
final class SpanAttributes {
    static final String CONNECTOR_MESSAGE_ID = "lexbridge.connector_message_id";
    static final String EBMS_MESSAGE_ID = "lexbridge.ebms_message_id";
    static final String PARTNER = "lexbridge.partner";
    static final String SERVICE = "lexbridge.service";
    static final String ACTION = "lexbridge.action";
    static final String QUEUED_ID = "lexbridge.queued_id";

    private SpanAttributes() {
    }

    static void of(ConnectorMessage message, Span span) {
        span.setAttribute(CONNECTOR_MESSAGE_ID, message.connectorMessageId().toString());
        setIfPresent(span, EBMS_MESSAGE_ID, message.ebmsMessageId());
        var partner = message.direction() == Direction.OUTBOUND ? message.to() : message.from();
        if (partner != null) {
            setIfPresent(span, PARTNER, partner.partyId());
        }
        if (message.service() != null) {
            setIfPresent(span, SERVICE, message.service().value());
        }
        setIfPresent(span, ACTION, message.action());
    }

    static void setIfPresent(Span span, String key, String value) {
        if (value != null) {
            span.setAttribute(key, value);
        }
    }
}
