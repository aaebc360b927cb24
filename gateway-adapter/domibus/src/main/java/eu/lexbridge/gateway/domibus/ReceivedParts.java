package eu.lexbridge.gateway.domibus;

import eu.lexbridge.core.transport.EcodexWire;
import eu.lexbridge.core.transport.IncomingPart;
import eu.lexbridge.gateway.domibus.wire.ebms.PartInfo;
import eu.lexbridge.gateway.domibus.wire.ebms.UserMessage;
import eu.lexbridge.gateway.domibus.wire.payload.LargePayloadType;
import jakarta.activation.DataHandler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Pairs the PartInfo entries of a message Domibus delivers with its payloads, in PartInfo order (the first part is the
 * leading business document). Domibus names a payload by its PartInfo's {@code href}, compared without regard to case;
 * e-CODEX carries no SOAP-body payload, so a {@code bodyload} or a PartInfo without a {@code cid:} reference is refused.
 * The parts stream from the attachments CXF has spooled; nothing is read here.
 */
final class ReceivedParts {

    private static final String CID = "cid:";

    private ReceivedParts() {
    }

    /** @throws IllegalArgumentException when PartInfo and payloads do not match one to one */
    static List<IncomingPart> read(UserMessage message, LargePayloadType bodyload, List<LargePayloadType> payloads) {
        if (bodyload != null) {
            throw new IllegalArgumentException("a body payload (bodyload) is not used in e-CODEX");
        }
        Map<String, LargePayloadType> byId = new HashMap<>();
        for (LargePayloadType payload : payloads) {
            if (payload.getValue() == null) {
                throw new IllegalArgumentException("payload " + payload.getPayloadId() + " carries no value");
            }
            if (byId.put(key(payload.getPayloadId()), payload) != null) {
                throw new IllegalArgumentException("payload " + payload.getPayloadId() + " appears twice");
            }
        }
        List<PartInfo> infos = message.getPayloadInfo() == null ? List.of() : message.getPayloadInfo().getPartInfo();
        if (infos.size() != payloads.size()) {
            throw new IllegalArgumentException("PayloadInfo lists " + infos.size() + " parts but " + payloads.size()
                    + " payloads arrived");
        }
        List<IncomingPart> parts = new ArrayList<>(infos.size());
        for (PartInfo info : infos) {
            String href = info.getHref();
            if (href == null || !href.regionMatches(true, 0, CID, 0, CID.length())) {
                throw new IllegalArgumentException("PartInfo without a cid: reference (SOAP body payloads are not used)");
            }
            LargePayloadType payload = byId.remove(key(href));
            if (payload == null) {
                throw new IllegalArgumentException("no payload for PartInfo " + href);
            }
            String contentId = href.substring(CID.length());
            String description = orElse(EcodexHeader.partProperty(info, EcodexWire.PART_DESCRIPTION), contentId);
            String name = orElse(EcodexHeader.partProperty(info, EcodexWire.PART_NAME), description);
            String mimeType = orElse(EcodexHeader.partProperty(info, EcodexWire.PART_MIME_TYPE),
                    orElse(payload.getContentType(), "application/octet-stream"));
            DataHandler value = payload.getValue();
            parts.add(new IncomingPart(description, name, mimeType, value::getInputStream));
        }
        return List.copyOf(parts);
    }

    /** A payload id or href without its {@code cid:} prefix, in lower case: Domibus matches them case-insensitively. */
    private static String key(String id) {
        String trimmed = id == null ? "" : id.trim();
        if (trimmed.regionMatches(true, 0, CID, 0, CID.length())) {
            trimmed = trimmed.substring(CID.length());
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
