package eu.lexbridge.backend.rest.api;

import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.message.TimelineEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The entity tags of a message and of its timeline: a digest of what can change in them (the state, the payloads, the
 * evidences; for the timeline, its lines), so a tag changes exactly when the representation does. Weak tags
 * (RFC 9110 8.8.3): they stand for the content, not for the bytes of one encoding of it.
 */
final class EntityTags {

    private EntityTags() {
    }

    static String message(ConnectorMessage message, List<Evidence> evidences) {
        StringBuilder content = new StringBuilder("message\n").append(message.connectorMessageId()).append('\n')
                .append(message.state()).append('\n');
        for (PayloadRef p : message.payloads()) {
            content.append("payload ").append(p.payloadId()).append(' ').append(p.sha256()).append('\n');
        }
        evidences.forEach(e -> content.append("evidence ").append(e.evidenceId()).append('\n'));
        return weak(content);
    }

    static String timeline(UUID connectorMessageId, List<TimelineEntry> entries, List<Evidence> evidences) {
        StringBuilder content = new StringBuilder("timeline\n").append(connectorMessageId).append('\n');
        // lines are only ever added, so their number and the last one tell a changed timeline
        content.append(entries.size()).append('\n');
        if (!entries.isEmpty()) {
            content.append(entries.get(entries.size() - 1)).append('\n');
        }
        evidences.forEach(e -> content.append("evidence ").append(e.evidenceId()).append('\n'));
        return weak(content);
    }

    private static String weak(CharSequence content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.toString()
                    .getBytes(StandardCharsets.UTF_8));
            return "W/\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
