package eu.lexbridge.record.disclosure;

import eu.lexbridge.record.content.ContentCondition;
import java.util.Objects;
import java.util.Set;

/**
 * A part of the messages of one service and action that some kinds of recipient may not receive, e.g. Section M of the
 * EPOC, for the enforcing authority only, never for a service provider (Reg (EU) 2023/1543 Art 9(2)).
 *
 * @param part the element of the business content that is the part (present: the message carries it)
 * @param notTo the kinds of recipient it may not go to (e.g. {@code service-provider})
 * @param why the rule in words, for the refusal
 */
public record ConfidentialPart(String service, String action, ContentCondition part, Set<String> notTo, String why) {

    public ConfidentialPart {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(part, "part");
        notTo = Set.copyOf(notTo);
        if (notTo.isEmpty()) {
            throw new IllegalArgumentException("a confidential part names the kinds of recipient it may not go to");
        }
    }
}
