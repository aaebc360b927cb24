package eu.lexbridge.record.disclosure;

import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.port.DisclosurePolicy;
import eu.lexbridge.core.port.PayloadStore;
import eu.lexbridge.record.content.ContentCondition;
import eu.lexbridge.record.content.ContentFacts;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each {@link ConfidentialPart} from the kinds of recipient it may not reach: the recipient's kind is its
 * partner's (a service provider's access point is a partner of its own kind); a message to such a partner whose
 * business content carries the part is refused before it is taken, with the rule in words. A partner of no kind, or a
 * message of a service no rule names, passes. The part is looked for in the business content (the XML form): a
 * human-readable document (a PDF) is not read, so the XML form must carry the part whenever the document does.
 */
public final class ConfidentialParts implements DisclosurePolicy {

    private static final Logger LOG = LoggerFactory.getLogger(ConfidentialParts.class);

    private final List<ConfidentialPart> parts;
    private final Map<String, String> partnerKinds;
    private final PayloadStore payloads;

    /** @param partnerKinds each partner's kind of recipient, by AS4 party id */
    public ConfidentialParts(List<ConfidentialPart> parts, Map<String, String> partnerKinds, PayloadStore payloads) {
        this.parts = List.copyOf(parts);
        this.partnerKinds = Map.copyOf(partnerKinds);
        this.payloads = payloads;
    }

    @Override
    public Optional<String> refusal(ConnectorMessage message) {
        String kind = partnerKinds.get(message.to().partyId());
        if (kind == null) {
            return Optional.empty();
        }
        List<ConfidentialPart> applying = parts.stream().filter(p -> p.service().equals(message.service().value())
                && p.action().equals(message.action()) && p.notTo().contains(kind)).toList();
        if (applying.isEmpty()) {
            return Optional.empty();
        }
        var content = message.payload(PayloadKind.BUSINESS_CONTENT);
        if (content.isEmpty()) {
            return Optional.empty();
        }
        ContentFacts.Reading reading = ContentFacts.read(payloads.open(content.get()),
                applying.stream().map(ConfidentialPart::part).toList());
        if (reading.holding().isEmpty() && !reading.whole()) {
            // what cannot be read to its end cannot be shown to be free of the part: refused, not let through
            return Optional.of("businessContent could not be read to its end (more than " + ContentFacts.MAX_ELEMENTS
                    + " elements, or not well-formed), so it cannot be shown that it carries no part for other "
                    + "recipients than party " + message.to().partyId() + " (a " + kind + ")");
        }
        Set<ContentCondition> carried = reading.holding();
        return applying.stream().filter(p -> carried.contains(p.part())).findFirst().map(p -> {
            LOG.info("refused {} {} to party {}: it carries {}, not for a {}", LogSafe.of(message.service().value()),
                    LogSafe.of(message.action()), LogSafe.of(message.to().partyId()), p.part(), kind);
            return "businessContent carries " + p.part() + ", which may not go to party " + message.to().partyId()
                    + " (a " + kind + ")" + (p.why() == null ? "" : ": " + p.why())
                    + "; send that part to its recipient in a message of its own";
        });
    }
}
