package eu.lexbridge.core.port;

import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.transport.Partner;
import java.util.List;
import java.util.Objects;

/**
 * The e-CODEX container: the business document and its attachments sealed in an ASiC-S, with the Trust OK token
 * beside it, as the official connector sends them. Both directions stream; payloads stay in the payload store.
 */
public interface ContainerPacker {

    /**
     * Seals the message's business document, its detached signature and the attachments.
     *
     * @param documentCheck what the validation of the document's signatures found, summarised in the Trust OK token
     *     (signature-based); {@code null} for an authentication-based token, which records the authenticated back-end
     * @return the container (kind CONTAINER) and the token (kind TRUST_TOKEN), written to the payload store
     */
    List<PayloadRef> pack(ConnectorMessage outbound, DocumentChecker.Check documentCheck);

    /**
     * Checks a received container (structure, seal, signer trusted) and the Trust OK token beside it (its seal, and
     * that it speaks of the document the container holds) and, when both hold, unpacks the container.
     *
     * @param token the {@code tokenXML} that came with the container; {@code null} when none came, which refuses the
     *     container as the official connector does
     */
    Unpacked unpack(PayloadRef container, PayloadRef token, Partner sender);

    /**
     * What a received container held.
     *
     * @param valid structure sound, seal intact and signer trusted
     * @param finding a sentence for people: what was checked or what failed
     * @param content the business document first, then its detached signature (kind DETACHED_SIGNATURE) if the
     *     token names one, then the attachments; empty when not valid
     */
    record Unpacked(boolean valid, String finding, List<PayloadRef> content) {
        public Unpacked {
            Objects.requireNonNull(finding, "finding");
            content = List.copyOf(content);
        }
    }
}
