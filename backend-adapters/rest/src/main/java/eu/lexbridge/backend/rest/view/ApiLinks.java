package eu.lexbridge.backend.rest.view;

import java.util.UUID;
import org.springframework.web.util.UriUtils;

/**
 * The back-end API's own paths, relative to the server root (context path included), so links stay right behind a
 * reverse proxy that rewrites the host.
 *
 * @param contextPath the servlet context path, "" at the root
 */
public record ApiLinks(String contextPath) {

    public static final String MESSAGES = "/api/v1/messages";
    public static final String EVENTS = "/api/v1/events";
    public static final String DIRECTORY = "/api/v1/directory";

    public String message(UUID connectorMessageId) {
        return contextPath + MESSAGES + "/" + connectorMessageId;
    }

    public String payload(UUID connectorMessageId, String payloadId) {
        return message(connectorMessageId) + "/payloads/" + UriUtils.encodePathSegment(payloadId, "UTF-8");
    }

    public String timeline(UUID connectorMessageId) {
        return message(connectorMessageId) + "/timeline";
    }

    /** The change feed read on after {@code cursor}. */
    public String events(long cursor) {
        return contextPath + EVENTS + "?after=" + cursor;
    }
}
