package eu.lexbridge.app.operations;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.Direction;
import eu.lexbridge.core.message.MessageQuery;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.TimelineEntry;
import eu.lexbridge.core.port.MessageStore;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.lang.Nullable;

/**
 * The operators' search over every message, on the management port (viewers): {@code GET /actuator/messages?…} by
 * back-end, the back-end's message id, conversation, partner, state, direction and time of creation, the newest
 * first; {@code GET /actuator/messages/<id>} one message (by its connector or ebMS id) with its timeline and
 * evidences. Metadata only: no payload leaves through here.
 */
@Endpoint(id = "messages")
public class MessagesEndpoint {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** A value an operator types: long enough for any id the connector keeps, and one line. */
    private static final Pattern SEARCH_TEXT = Pattern.compile("[^\\p{Cntrl}]{1,255}");

    private final MessageStore store;
    private final Function<String, Optional<String>> partyOfPartner;

    /** @param partyOfPartner a partner's party id, by the partner's name */
    public MessagesEndpoint(MessageStore store, Function<String, Optional<String>> partyOfPartner) {
        this.store = store;
        this.partyOfPartner = partyOfPartner;
    }

    @ReadOperation
    public WebEndpointResponse<Map<String, Object>> search(@Nullable String backend, @Nullable String backendMessageId,
                                                           @Nullable String conversation, @Nullable String partner,
                                                           @Nullable String state, @Nullable String direction,
                                                           @Nullable String from, @Nullable String before,
                                                           @Nullable String limit) {
        try {
            String party = partner == null ? null : partyOfPartner.apply(text("partner", partner)).orElseThrow(() ->
                    new ConnectorException(ErrorCode.UNKNOWN_PARTNER, "partner", "no partner is named " + partner));
            int max = limit == null ? DEFAULT_LIMIT : number("limit", limit);
            var query = new MessageQuery(text("backend", backend), text("backendMessageId", backendMessageId),
                    text("conversation", conversation), party, named("state", state, MessageState.class),
                    named("direction", direction, Direction.class), instant("from", from),
                    instant("before", before));
            List<ConnectorMessage> found = store.search(query, max);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("count", found.size());
            body.put("limit", max);
            body.put("messages", found.stream().map(MessagesEndpoint::view).toList());
            if (found.size() == max) { // the next page: the same search before the last one shown
                body.put("nextBefore", found.get(found.size() - 1).createdAt().toString());
            }
            return new WebEndpointResponse<>(body, WebEndpointResponse.STATUS_OK);
        } catch (ConnectorException e) {
            return OperatorProblems.of(e);
        }
    }

    @ReadOperation
    public WebEndpointResponse<Map<String, Object>> message(@Selector String id) {
        try {
            ConnectorMessage message = find(text("id", id)).orElseThrow(() -> new ConnectorException(
                    ErrorCode.UNKNOWN_MESSAGE, "id", "no message has the connector or ebMS id " + id));
            Map<String, Object> body = view(message);
            body.put("payloads", message.payloads().stream().map(payload -> Map.of("name", payload.name(),
                    "kind", payload.kind().name(), "sizeBytes", payload.size())).toList());
            body.put("timeline", store.timeline(message.connectorMessageId()).stream()
                    .map(MessagesEndpoint::view).toList());
            body.put("evidences", store.evidences(message.connectorMessageId()).stream()
                    .map(MessagesEndpoint::view).toList());
            return new WebEndpointResponse<>(body, WebEndpointResponse.STATUS_OK);
        } catch (ConnectorException e) {
            return OperatorProblems.of(e);
        }
    }

    private Optional<ConnectorMessage> find(String id) {
        if (UUID_TEXT.matcher(id).matches()) {
            return store.find(UUID.fromString(id));
        }
        return store.findByEbmsId(id, Direction.OUTBOUND).or(() -> store.findByEbmsId(id, Direction.INBOUND));
    }

    static Map<String, Object> view(ConnectorMessage message) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("connectorMessageId", message.connectorMessageId().toString());
        view.put("kind", message.kind().name());
        view.put("direction", message.direction().name());
        view.put("state", message.state().name());
        view.put("createdAt", message.createdAt().toString());
        view.put("backend", message.backendName());
        view.put("backendMessageId", message.backendMessageId());
        view.put("ebmsMessageId", message.ebmsMessageId());
        view.put("conversationId", message.conversationId());
        view.put("refToMessageId", message.refToMessageId());
        view.put("service", message.service().value());
        view.put("action", message.action());
        view.put("from", message.from().partyId());
        view.put("to", message.to().partyId());
        return view;
    }

    private static Map<String, Object> view(TimelineEntry entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("at", entry.at().toString());
        view.put("state", entry.state() == null ? null : entry.state().name());
        view.put("evidence", entry.evidenceType() == null ? null
                : entry.evidenceType().name() + " " + entry.evidenceOrigin().name().toLowerCase(Locale.ROOT));
        view.put("detail", entry.detail());
        return view;
    }

    private static Map<String, Object> view(Evidence evidence) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("evidenceId", evidence.evidenceId().toString());
        view.put("type", evidence.type().name());
        view.put("origin", evidence.origin().name());
        view.put("at", evidence.at().toString());
        view.put("reason", evidence.reason());
        return view;
    }

    private static String text(String field, @Nullable String value) {
        if (value != null && !SEARCH_TEXT.matcher(value).matches()) {
            throw new ConnectorException(ErrorCode.INVALID_FIELD, field, field + " must be one line of at most "
                    + "255 characters");
        }
        return value;
    }

    private static int number(String field, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number >= 1 && number <= MAX_LIMIT) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new ConnectorException(ErrorCode.INVALID_FIELD, field, field + " must be a number from 1 to "
                + MAX_LIMIT);
    }

    private static <E extends Enum<E>> E named(String field, @Nullable String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConnectorException(ErrorCode.INVALID_FIELD, field, field + " must be one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static Instant instant(String field, @Nullable String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ConnectorException(ErrorCode.INVALID_FIELD, field, field
                    + " must be an instant such as 2026-12-06T09:00:00Z");
        }
    }
}
