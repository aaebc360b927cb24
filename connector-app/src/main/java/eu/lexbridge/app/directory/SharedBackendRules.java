package eu.lexbridge.app.directory;

import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.core.port.SettingStore;
import eu.lexbridge.core.port.SettingStore.Setting;
import eu.lexbridge.core.port.SettingStore.Version;
import eu.lexbridge.directory.routing.BackendRules;
import eu.lexbridge.directory.routing.RoutingRule;
import eu.lexbridge.directory.routing.RuleSyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routing rules an operator changes at run time, kept in the {@link SettingStore} so that a restart and every
 * replica route by them. Until the configured rules ({@code lexbridge.backend-routing.rules}) change: then the
 * configuration wins again, because an operator who edits it means it. Each stored set remembers the configuration it
 * replaced (a fingerprint of its rules), which is how a start tells the two apart.
 */
public final class SharedBackendRules {

    private static final Logger LOG = LoggerFactory.getLogger(SharedBackendRules.class);

    private final BackendRules rules;
    private final SettingStore store;
    private final String configuration;
    private final Clock clock;
    private volatile long applied;

    /**
     * @param rules the rules in force, holding the configured ones
     * @param store where changes are kept; {@code null}: they hold in this process only
     */
    public SharedBackendRules(BackendRules rules, SettingStore store, Clock clock) {
        this.rules = rules;
        this.store = store;
        this.clock = clock;
        this.configuration = fingerprint(rules.text());
        refresh();
    }

    /** The rules in force. */
    public BackendRules rules() {
        return rules;
    }

    /**
     * Puts a whole new set in force and keeps it.
     *
     * @throws RuleSyntaxException naming the line and column of the first error; nothing changed
     */
    public List<RoutingRule> replace(String text, String changedBy) {
        List<RoutingRule> parsed = BackendRules.parse(text);
        BackendRules checked = new BackendRules(parsed);
        if (store != null) {
            applied = store.save(Setting.BACKEND_RULES, checked.text(), configuration, changedBy, clock.instant())
                    .version();
        }
        return rules.replace(parsed);
    }

    /**
     * Takes up a set another replica stored since the last look, if it was made from this configuration. Called at
     * start and then periodically.
     */
    public void refresh() {
        if (store == null) {
            return;
        }
        Version latest = store.latest(Setting.BACKEND_RULES).orElse(null);
        if (latest == null || latest.version() <= applied) {
            return;
        }
        applied = latest.version();
        if (!latest.configuration().equals(configuration)) {
            LOG.info("back-end routing rules changed at run time (version {}, by {}) are not applied: the configured "
                    + "rules have changed since, and the configuration wins", latest.version(),
                    LogSafe.of(latest.changedBy()));
            return;
        }
        try {
            rules.replace(latest.text());
            LOG.info("back-end routing rules version {} (changed by {} at {}) in force: {} rule(s)", latest.version(),
                    LogSafe.of(latest.changedBy()), latest.changedAt(), rules.rules().size());
        } catch (RuleSyntaxException e) {
            // stored by a later version of the connector whose rule language this one does not read
            LOG.warn("back-end routing rules version {} do not parse here and are not applied: {}", latest.version(),
                    LogSafe.of(e.getMessage()));
        }
    }

    private static String fingerprint(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
