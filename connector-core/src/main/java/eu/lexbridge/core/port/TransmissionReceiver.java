package eu.lexbridge.core.port;

import eu.lexbridge.core.transport.Envelope;
import eu.lexbridge.core.transport.IncomingPart;
import eu.lexbridge.core.transport.ReceptionOutcome;
import java.util.List;

/**
 * Takes an AS4 user message from the gateway. It returns only once the message is durably stored and queued, because
 * the gateway answers with a receipt afterwards: a receipt for a message we could lose would be a false proof.
 */
public interface TransmissionReceiver {

    /**
     * @param signer the subject of the certificate that signed the AS4 message, for the log and the timeline
     * @throws eu.lexbridge.core.error.ConnectorException when the message is refused; the gateway answers an ebMS error
     */
    ReceptionOutcome receive(Envelope envelope, List<IncomingPart> parts, String signer);
}
