package eu.lexbridge.backend.rest.problem;

import eu.lexbridge.core.error.ConnectorException;
import java.util.UUID;

/**
 * A refusal because the back-end's own message already exists (a repeated submission): the problem names that
 * message, so the back-end can carry on with it instead of searching for it. Only ever the caller's own message.
 */
public final class ExistingMessageConflict extends ConnectorException {

    private final UUID connectorMessageId;
    private final String href;

    public ExistingMessageConflict(ConnectorException refusal, UUID connectorMessageId, String href) {
        super(refusal.code(), refusal.field(), refusal.getMessage(), refusal);
        this.connectorMessageId = connectorMessageId;
        this.href = href;
    }

    public UUID connectorMessageId() {
        return connectorMessageId;
    }

    public String href() {
        return href;
    }
}
