package eu.lexbridge.trust.evidence;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The EventReason of a negative evidence: an e-CODEX rejection code and the reason in words.
 *
 * @param code e.g. {@code E301}
 * @param details the reason text, or {@code null} when there is none
 */
record EventReason(String code, String details) {

    /** Unspecific processing error: what the official connector uses when no more precise code applies. */
    static final String UNSPECIFIC = "E100";

    /** A leading e-CODEX rejection code such as "E301", then optional separators, then the text. */
    private static final Pattern LEADING_CODE = Pattern.compile("^\\s*(E\\d{3})\\b[\\s:\\-]*(.*)$", Pattern.DOTALL);

    /**
     * Reads a reason such as {@code "E301 RELAY_REMMD_TIMEOUT: no relay evidence within 12h"}: a leading code
     * (E100, E200, E201, E300, E301, E404, ...) is kept as the code, otherwise the code is {@link #UNSPECIFIC}.
     */
    static EventReason parse(String reason) {
        if (reason == null || reason.isBlank()) {
            return new EventReason(UNSPECIFIC, null);
        }
        Matcher matcher = LEADING_CODE.matcher(reason);
        if (matcher.matches()) {
            String text = matcher.group(2).strip();
            return new EventReason(matcher.group(1), text.isEmpty() ? null : text);
        }
        return new EventReason(UNSPECIFIC, reason.strip());
    }
}
