package eu.lexbridge.core.port;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What an operator changed while the connector ran (the back-end routing rules, the partners, figures entered by
 * hand), kept so that a restart
 * and every other replica use it. Each change is a new version, never an update: the versions are the record of who
 * changed what, and when.
 */
public interface SettingStore {

    /** What can be changed at run time. */
    enum Setting {
        /** The back-end routing rules, one a line. */
        BACKEND_RULES,
        /** The partners, as a JSON document with their certificates. */
        PARTNERS,
        /** The yearly statistics entered by hand (Reg (EU) 2023/1543 Art 28(2)(h)–(j)), as a JSON document. */
        STATISTICS,
        /** The partners whose sends are held for their maintenance, one a line. */
        PARTNER_HOLDS;

        /** As the store writes it: {@code backend-rules}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The latest version of {@code setting}, or empty when no operator has changed the configured one. */
    Optional<Version> latest(Setting setting);

    /**
     * Records a new version of {@code setting} as the latest.
     *
     * @param text the setting as text, already checked
     * @param configuration a fingerprint of the configured setting it replaced: when the configuration changes, the
     *     configuration wins again
     */
    Version save(Setting setting, String text, String configuration, String changedBy, Instant changedAt);

    /**
     * One version of a setting.
     *
     * @param version increases with each change of any setting
     * @param text the setting
     * @param configuration the fingerprint of the configured setting this version replaced
     */
    record Version(long version, String text, String configuration, String changedBy, Instant changedAt) {
        public Version {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(configuration, "configuration");
            Objects.requireNonNull(changedBy, "changedBy");
            Objects.requireNonNull(changedAt, "changedAt");
        }
    }
}
