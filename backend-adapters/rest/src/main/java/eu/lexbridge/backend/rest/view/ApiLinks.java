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

    /** Every path of the back-end API starts here. */
    public static final String ROOT = "/api/v1/";
    public static final String MESSAGES = "/api/v1/messages";
    public static final String EVENTS = "/api/v1/events";
    public static final String DIRECTORY = "/api/v1/directory";
    public static final String RECORDS = "/api/v1/records";
    public static final String CONVERSATIONS = "/api/v1/conversations";
    public static final String DEADLINE_ALERTS = "/api/v1/deadline-alerts";

    public String message(UUID connectorMessageId) {
        return contextPath + MESSAGES + "/" + connectorMessageId;
    }

    public String payload(UUID connectorMessageId, String payloadId) {
        return message(connectorMessageId) + "/payloads/" + UriUtils.encodePathSegment(payloadId, "UTF-8");
    }

    public String timeline(UUID connectorMessageId) {
        return message(connectorMessageId) + "/timeline";
    }

    public String record(UUID recordId) {
        return contextPath + RECORDS + "/" + recordId;
    }

    public String recordDocument(UUID recordId) {
        return record(recordId) + "/document";
    }

    public String conversationTimeline(String conversationId) {
        return contextPath + CONVERSATIONS + "/" + UriUtils.encodePathSegment(conversationId, "UTF-8") + "/timeline";
    }

    /** The time-limit alerts read on after {@code cursor}. */
    public String deadlineAlerts(long cursor) {
        return contextPath + DEADLINE_ALERTS + "?after=" + cursor;
    }

    /** The change feed read on after {@code cursor}. */
    public String events(long cursor) {
        return contextPath + EVENTS + "?after=" + cursor;
    }
}
