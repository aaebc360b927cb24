package eu.lexbridge.backend.soap.service;

import eu.lexbridge.core.flow.BackendInbox;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.PayloadRef;
import jakarta.activation.DataSource;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A stored payload as an MTOM attachment: opened from the payload store only while the answer is written, so it is
 * streamed, never held whole.
 */
record StoredPayload(BackendInbox inbox, ConnectorMessage message, PayloadRef payload) implements DataSource {

    @Override
    public InputStream getInputStream() {
        return inbox.open(message.backendName(), message.connectorMessageId(), payload);
    }

    @Override
    public OutputStream getOutputStream() {
        throw new UnsupportedOperationException("a stored payload is read-only");
    }

    @Override
    public String getContentType() {
        return payload.mimeType();
    }

    @Override
    public String getName() {
        return payload.name();
    }
}
