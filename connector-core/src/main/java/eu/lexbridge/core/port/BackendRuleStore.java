package eu.lexbridge.core.port;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The back-end routing rules an operator put in force while the connector ran, kept so that a restart and every other
 * replica route by them. Each change is a new version, never an update: the versions are the record of who changed the
 * routing, and when.
 */
public interface BackendRuleStore {

    /** The latest rule set, or empty when no operator has changed the configured rules. */
    Optional<RuleSet> latest();

    /**
     * Records a new rule set as the latest.
     *
     * @param text the rules as text (one rule a line), already checked
     * @param configuration a fingerprint of the configured rules it replaced: when the configuration changes, the
     *     configuration wins again
     */
    RuleSet save(String text, String configuration, String changedBy, Instant changedAt);

    /**
     * One version of the rules.
     *
     * @param version increases with each change
     * @param text the rules, one a line
     * @param configuration the fingerprint of the configured rules this set replaced
     */
    record RuleSet(long version, String text, String configuration, String changedBy, Instant changedAt) {
        public RuleSet {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(configuration, "configuration");
            Objects.requireNonNull(changedBy, "changedBy");
            Objects.requireNonNull(changedAt, "changedAt");
        }
    }
}
