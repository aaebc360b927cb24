package eu.lexbridge.core.port;

import eu.lexbridge.core.transport.Envelope;
import eu.lexbridge.core.transport.OutgoingPart;
import eu.lexbridge.core.transport.Partner;
import eu.lexbridge.core.transport.SendOutcome;
import java.util.List;

/** The access point side: sends one AS4 user message and reports what became of it. */
public interface GatewayLink {

    /** Sends and waits for the partner's receipt. Never throws for transport trouble: the outcome says it. */
    SendOutcome send(Envelope envelope, List<OutgoingPart> parts, Partner partner);
}
