package eu.lexbridge.gateway.as4;

import com.helger.phase4.attachment.WSS4JAttachment;
import com.helger.phase4.ebms3header.Ebms3PartInfo;
import com.helger.phase4.ebms3header.Ebms3PayloadInfo;
import com.helger.phase4.ebms3header.Ebms3Property;
import eu.lexbridge.core.transport.EcodexWire;
import eu.lexbridge.core.transport.IncomingPart;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs the PartInfo entries of a received user message with its (already decrypted and decompressed) attachments, in
 * PartInfo order: the first part is the leading business document.
 */
final class IncomingParts {

    private static final String CID = "cid:";

    private IncomingParts() {
    }

    /**
     * @throws MissingPart when a PartInfo names an attachment the message does not carry
     * @throws IllegalArgumentException when PartInfo and attachments do not match one to one otherwise
     */
    static List<IncomingPart> read(Ebms3PayloadInfo payloadInfo, List<WSS4JAttachment> attachments) {
        Map<String, WSS4JAttachment> byContentId = new HashMap<>();
        for (WSS4JAttachment attachment : attachments) {
            byContentId.put(contentId(attachment.getId()), attachment);
        }
        List<Ebms3PartInfo> infos = payloadInfo == null ? List.of() : payloadInfo.getPartInfo();
        if (infos.size() > attachments.size() && infos.stream().allMatch(info -> info.getHref() != null
                && info.getHref().startsWith(CID))) {
            throw new MissingPart("PayloadInfo lists " + infos.size() + " parts but " + attachments.size()
                    + " attachments arrived");
        }
        if (infos.size() != attachments.size()) {
            throw new IllegalArgumentException(
                    "PayloadInfo lists " + infos.size() + " parts but " + attachments.size() + " attachments arrived");
        }
        List<IncomingPart> parts = new ArrayList<>(infos.size());
        for (Ebms3PartInfo info : infos) {
            String href = info.getHref();
            if (href == null || !href.startsWith(CID)) {
                throw new IllegalArgumentException("PartInfo without a cid: reference (SOAP body payloads are not used)");
            }
            String contentId = contentId(href.substring(CID.length()));
            WSS4JAttachment attachment = byContentId.remove(contentId);
            if (attachment == null) {
                throw new MissingPart("no attachment for PartInfo " + href);
            }
            String description = orElse(partProperty(info, EcodexWire.PART_DESCRIPTION), contentId);
            String name = orElse(partProperty(info, EcodexWire.PART_NAME), description);
            String mimeType = orElse(partProperty(info, EcodexWire.PART_MIME_TYPE),
                    orElse(attachment.getUncompressedMimeType(), "application/octet-stream"));
            parts.add(new IncomingPart(description, name, mimeType, attachment::getSourceStream));
        }
        return List.copyOf(parts);
    }

    /** A PartInfo whose {@code cid:} names no part of the message: ebMS3 Core §6.7.2 EBMS:0011 ExternalPayloadError. */
    static final class MissingPart extends IllegalArgumentException {
        MissingPart(String message) {
            super(message);
        }
    }

    private static String contentId(String id) {
        String trimmed = id == null ? "" : id.trim();
        if (trimmed.startsWith("<") && trimmed.endsWith(">")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1);
        }
        return trimmed;
    }

    private static String partProperty(Ebms3PartInfo info, String name) {
        if (info.getPartProperties() == null) {
            return null;
        }
        for (Ebms3Property property : info.getPartProperties().getProperty()) {
            if (name.equals(property.getName()) && property.getValue() != null && !property.getValue().isBlank()) {
                return property.getValue();
            }
        }
        return null;
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
