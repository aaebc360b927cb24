package eu.lexbridge.core.message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One AS4 user message as this connector knows it: a business message or an evidence message, sent or received.
 * Payload bytes are not here; {@link #payloads()} points to them.
 */
public record ConnectorMessage(
        UUID connectorMessageId,
        MessageKind kind,
        Direction direction,
        String backendName,
        String backendMessageId,
        String ebmsMessageId,
        String conversationId,
        String refToMessageId,
        BusinessService service,
        String action,
        Party from,
        Party to,
        String originalSender,
        String finalRecipient,
        MessageState state,
        Instant createdAt,
        List<PayloadRef> payloads) {

    public ConnectorMessage {
        Objects.requireNonNull(connectorMessageId, "connectorMessageId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(ebmsMessageId, "ebmsMessageId");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        if (state.direction() != direction) {
            throw new IllegalArgumentException("state " + state + " is not a state of an " + direction + " message");
        }
        payloads = List.copyOf(payloads);
    }

    public Optional<PayloadRef> payload(PayloadKind payloadKind) {
        return payloads.stream().filter(p -> p.kind() == payloadKind).findFirst();
    }

    public ConnectorMessage withState(MessageState newState) {
        return toBuilder().state(newState).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().connectorMessageId(connectorMessageId).kind(kind).direction(direction)
                .backendName(backendName).backendMessageId(backendMessageId).ebmsMessageId(ebmsMessageId)
                .conversationId(conversationId).refToMessageId(refToMessageId).service(service).action(action)
                .from(from).to(to).originalSender(originalSender).finalRecipient(finalRecipient).state(state)
                .createdAt(createdAt).payloads(payloads);
    }

    /** Builds a message; every field without a default must be set. */
    public static final class Builder {
        private UUID connectorMessageId = UUID.randomUUID();
        private MessageKind kind = MessageKind.BUSINESS;
        private Direction direction;
        private String backendName;
        private String backendMessageId;
        private String ebmsMessageId;
        private String conversationId;
        private String refToMessageId;
        private BusinessService service;
        private String action;
        private Party from;
        private Party to;
        private String originalSender;
        private String finalRecipient;
        private MessageState state;
        private Instant createdAt;
        private final List<PayloadRef> payloads = new ArrayList<>();

        private Builder() {
        }

        public Builder connectorMessageId(UUID v) { this.connectorMessageId = v; return this; }
        public Builder kind(MessageKind v) { this.kind = v; return this; }
        public Builder direction(Direction v) { this.direction = v; return this; }
        public Builder backendName(String v) { this.backendName = v; return this; }
        public Builder backendMessageId(String v) { this.backendMessageId = v; return this; }
        public Builder ebmsMessageId(String v) { this.ebmsMessageId = v; return this; }
        public Builder conversationId(String v) { this.conversationId = v; return this; }
        public Builder refToMessageId(String v) { this.refToMessageId = v; return this; }
        public Builder service(BusinessService v) { this.service = v; return this; }
        public Builder action(String v) { this.action = v; return this; }
        public Builder from(Party v) { this.from = v; return this; }
        public Builder to(Party v) { this.to = v; return this; }
        public Builder originalSender(String v) { this.originalSender = v; return this; }
        public Builder finalRecipient(String v) { this.finalRecipient = v; return this; }
        public Builder state(MessageState v) { this.state = v; return this; }
        public Builder createdAt(Instant v) { this.createdAt = v; return this; }

        public Builder payloads(List<PayloadRef> v) {
            payloads.clear();
            payloads.addAll(v);
            return this;
        }

        public Builder addPayload(PayloadRef v) {
            payloads.add(v);
            return this;
        }

        public ConnectorMessage build() {
            return new ConnectorMessage(connectorMessageId, kind, direction, backendName, backendMessageId,
                    ebmsMessageId, conversationId, refToMessageId, service, action, from, to, originalSender,
                    finalRecipient, state == null && direction != null ? MessageState.initial(direction) : state,
                    createdAt, payloads);
        }
    }
}
