package eu.lexbridge.gateway.domibus;

import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.PayloadStore;
import jakarta.activation.DataSource;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A stored payload as an MTOM attachment: CXF opens it while it writes the request, so the bytes go from the payload
 * store to the socket without ever being whole in heap, and the store checks their SHA-256 on the way.
 */
final class StoredPayloadSource implements DataSource {

    private final PayloadStore payloads;
    private final PayloadRef payload;

    StoredPayloadSource(PayloadStore payloads, PayloadRef payload) {
        this.payloads = payloads;
        this.payload = payload;
    }

    @Override
    public InputStream getInputStream() {
        return payloads.open(payload);
    }

    @Override
    public OutputStream getOutputStream() {
        throw new UnsupportedOperationException("a stored payload is read-only");
    }

    /** MTOM sends the part as octets; its real MIME type travels in the PartInfo's MimeType property. */
    @Override
    public String getContentType() {
        return "application/octet-stream";
    }

    @Override
    public String getName() {
        return payload.name();
    }
}
