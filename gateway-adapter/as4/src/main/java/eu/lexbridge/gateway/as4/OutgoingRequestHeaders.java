package eu.lexbridge.gateway.as4;

import java.util.function.BiConsumer;

/**
 * HTTP headers added to each AS4 request this access point posts, asked for on the sending thread just before the post:
 * a trace context (W3C {@code traceparent}) for instance, so that the partner's access point can continue the trace. They
 * travel outside the signed SOAP envelope and change nothing of the AS4 message.
 */
@FunctionalInterface
public interface OutgoingRequestHeaders {

    /** No header of its own. */
    OutgoingRequestHeaders NONE = header -> {
    };

    /** Calls {@code header} with the name and value of each header to add. */
    void addTo(BiConsumer<String, String> header);
}
