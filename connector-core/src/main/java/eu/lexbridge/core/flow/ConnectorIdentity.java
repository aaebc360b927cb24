package eu.lexbridge.core.flow;

import eu.lexbridge.core.message.Party;
import java.util.Objects;
import java.util.UUID;

/**
 * Who this connector is on the AS4 network.
 *
 * @param home our AS4 party
 * @param ebmsIdDomain the right-hand side of the ebMS message ids we generate ({@code uuid@domain})
 */
public record ConnectorIdentity(Party home, String ebmsIdDomain) {
    public ConnectorIdentity {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(ebmsIdDomain, "ebmsIdDomain");
    }

    public String newEbmsMessageId() {
        return UUID.randomUUID() + "@" + ebmsIdDomain;
    }
}
