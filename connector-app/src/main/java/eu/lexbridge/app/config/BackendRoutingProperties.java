package eu.lexbridge.app.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which back-end receives an inbound message when several share this connector. An evidence goes to the back-end of
 * its original message and a message of a known conversation to the back-end that owns the conversation; the rules
 * decide for the others, and {@code lexbridge.connector.default-backend} takes what no rule matches.
 *
 * @param rules routing rules in the official e-CODEX connector's language, each with {@code backend} (the back-end a
 *     matching message goes to), {@code priority} (default 0; among the rules that match the highest wins, and among
 *     equal priorities the one listed first) and {@code condition} (e.g.
 *     {@code &(equals(ServiceName, 'EPO'), startswith(FinalRecipient, 'eurojust::'))}; see "Routing rules" below). A
 *     condition that does not parse stops the start with its key and column
 * @param archiveBackend a back-end that receives a copy of every inbound business message besides its own back-end,
 *     e.g. an archive; it cannot acknowledge or refuse a copy, so no evidence ever follows from it. It must be pushed
 *     to over SOAP (a push-address) or JMS, which carry the payloads: a pull back-end's inbox lists the messages routed
 *     to it, not copies, and a webhook carries links only the message's own back-end may follow, so naming such a
 *     back-end stops the start. Empty for none
 * @param refreshInterval how often a replica looks for rules an operator changed at run time on another replica
 *     ({@code /actuator/backendrules}, kept in the database), 1 s to 1 h
 */
@Validated
@ConfigurationProperties("lexbridge.backend-routing")
public record BackendRoutingProperties(@DefaultValue List<@Valid RuleEntry> rules, String archiveBackend,
                                       @NotNull @DefaultValue("10s") Duration refreshInterval) {

    @AssertTrue(message = "refresh-interval must be between 1 second and 1 hour")
    boolean isRefreshIntervalSensible() {
        return refreshInterval == null || (refreshInterval.compareTo(Duration.ofSeconds(1)) >= 0
                && refreshInterval.compareTo(Duration.ofHours(1)) <= 0);
    }

    /**
     * One routing rule.
     *
     * @param backend the back-end a matching message goes to
     * @param priority the highest priority that matches wins
     * @param condition the match clause, e.g. {@code equals(ServiceName, 'EPO')}
     */
    public record RuleEntry(@NotBlank String backend, @DefaultValue("0") int priority, @NotBlank String condition) {
    }
}
