package eu.lexbridge.directory.routing;

import eu.lexbridge.core.message.ConnectorMessage;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The AS4 values a routing rule may compare, named as the official connector's rule language names them. */
public enum RuleField {
    SERVICE_TYPE("ServiceType", m -> m.service().type()),
    SERVICE_NAME("ServiceName", m -> m.service().value()),
    FINAL_RECIPIENT("FinalRecipient", ConnectorMessage::finalRecipient),
    ACTION("Action", ConnectorMessage::action),
    FROM_PARTY_ID("FromPartyId", m -> m.from().partyId()),
    FROM_PARTY_ROLE("FromPartyRole", m -> m.from().role()),
    FROM_PARTY_ID_TYPE("FromPartyIdType", m -> m.from().partyIdType());

    private final String ruleName;
    private final Function<ConnectorMessage, String> reader;

    RuleField(String ruleName, Function<ConnectorMessage, String> reader) {
        this.ruleName = ruleName;
        this.reader = reader;
    }

    /** The name as written in a rule, e.g. {@code ServiceName}. */
    public String ruleName() {
        return ruleName;
    }

    /** The message's value of this field, or {@code null} when it has none. */
    public String of(ConnectorMessage message) {
        return reader.apply(message);
    }

    /** The field a rule names; the case of the letters does not matter, as rules are often typed by hand. */
    public static Optional<RuleField> named(String name) {
        return Arrays.stream(values()).filter(f -> f.ruleName.equalsIgnoreCase(name)).findFirst();
    }

    /** Every field name, for the sentence that refuses an unknown one. */
    static String names() {
        return Arrays.stream(values()).map(RuleField::ruleName).collect(Collectors.joining(", "));
    }
}
