package eu.lexbridge.directory.partner;

import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.core.port.PartnerDirectory;
import eu.lexbridge.core.port.SettingStore;
import eu.lexbridge.core.port.SettingStore.Setting;
import eu.lexbridge.core.port.SettingStore.Version;
import eu.lexbridge.core.transport.Partner;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The partners in force: those configured ({@code lexbridge.network.partners}), as operators changed them at run time.
 * A change (a partner added, changed or retired) is checked whole before it applies, kept in the {@link SettingStore}
 * as the whole new set, and logged with who made it; a restart and the other replicas take it up, until the configured
 * partners change: then the configuration wins again, as it does for the routing rules.
 *
 * <p>Lookups read an immutable map that a change replaces in one step: a message in flight sees the partners before
 * or after a change, never half of one.
 */
public final class SharedPartners implements PartnerDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(SharedPartners.class);

    private final SettingStore store;
    private final Clock clock;
    private final boolean allowPlainHttp;
    private final String configuration;
    private volatile Map<String, Partner> byName;
    private volatile Map<String, Partner> byPartyId;
    private long applied;

    /**
     * @param configured the partners from configuration, their certificates read (a bad file stopped the start)
     * @throws IllegalArgumentException when two configured partners share a party id: messages from it could not be
     *     attributed
     * @param store where changes are kept; {@code null}: they hold in this process only
     * @param allowPlainHttp FOR TESTS ONLY: http endpoints are taken
     */
    public SharedPartners(List<Partner> configured, SettingStore store, Clock clock, boolean allowPlainHttp) {
        this.store = store;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.allowPlainHttp = allowPlainHttp;
        java.util.Set<String> parties = new java.util.HashSet<>();
        for (Partner partner : configured) {
            if (!parties.add(partner.party().partyId())) {
                throw new IllegalArgumentException("lexbridge.network.partners: party id "
                        + partner.party().partyId() + " is configured twice");
            }
        }
        this.configuration = fingerprint(PartnerDocument.write(configured));
        apply(configured);
        refresh();
    }

    @Override
    public Optional<Partner> byPartyId(String partyId) {
        return Optional.ofNullable(byPartyId.get(partyId));
    }

    /** The partners in force, in the order they were configured or added. */
    public List<Partner> all() {
        return List.copyOf(byName.values());
    }

    /** What a change did. */
    public enum Change {
        ADDED, CHANGED
    }

    /**
     * Adds {@code partner}, or replaces the partner of its name (a new endpoint, a renewed certificate).
     *
     * @throws PartnerRefusedException when the set with it does not validate; nothing changes
     */
    public synchronized Change put(Partner partner, String changedBy) {
        Map<String, Partner> next = new LinkedHashMap<>(byName);
        Partner before = next.put(partner.name(), partner);
        save(new ArrayList<>(next.values()), changedBy);
        Change change = before == null ? Change.ADDED : Change.CHANGED;
        LOG.info("partner {} {} by {}: party {}, endpoint {}, certificate {} valid until {}",
                LogSafe.of(partner.name()), change == Change.ADDED ? "added" : "changed", LogSafe.of(changedBy),
                LogSafe.of(partner.party().partyId()), LogSafe.of(partner.endpoint().toString()),
                LogSafe.of(partner.certificate().getSubjectX500Principal().getName()),
                partner.certificate().getNotAfter().toInstant());
        return change;
    }

    /**
     * Retires the partner {@code name}: no message is sent to it or taken from it from now on.
     *
     * @throws PartnerRefusedException when no partner has that name; nothing changes
     */
    public synchronized Partner retire(String name, String changedBy) {
        Map<String, Partner> next = new LinkedHashMap<>(byName);
        Partner retired = next.remove(name);
        if (retired == null) {
            throw new PartnerRefusedException("partner '" + name + "' is not a partner");
        }
        save(new ArrayList<>(next.values()), changedBy);
        LOG.info("partner {} retired by {}: party {}", LogSafe.of(name), LogSafe.of(changedBy),
                LogSafe.of(retired.party().partyId()));
        return retired;
    }

    /**
     * Takes up a set another replica stored since the last look, if it was made from this configuration. Called at
     * start and then periodically.
     */
    public synchronized void refresh() {
        if (store == null) {
            return;
        }
        Version latest = store.latest(Setting.PARTNERS).orElse(null);
        if (latest == null || latest.version() <= applied) {
            return;
        }
        applied = latest.version();
        if (!latest.configuration().equals(configuration)) {
            LOG.info("partners changed at run time (version {}, by {}) are not applied: the configured partners have "
                    + "changed since, and the configuration wins", latest.version(), LogSafe.of(latest.changedBy()));
            return;
        }
        try {
            List<Partner> stored = PartnerDocument.read(latest.text());
            apply(stored);
            LOG.info("partners as changed at run time (version {}, by {}): {} in force", latest.version(),
                    LogSafe.of(latest.changedBy()), stored.size());
        } catch (PartnerRefusedException e) {
            LOG.warn("the partners stored as version {} cannot be read, the partners in force are kept: {}",
                    latest.version(), LogSafe.of(e.getMessage()));
        }
    }

    private void save(List<Partner> next, String changedBy) {
        PartnerDocument.check(next, clock.instant(), allowPlainHttp);
        if (store != null) {
            applied = store.save(Setting.PARTNERS, PartnerDocument.write(next), configuration, changedBy,
                    clock.instant()).version();
        }
        apply(next);
    }

    private void apply(List<Partner> partners) {
        Map<String, Partner> names = new LinkedHashMap<>();
        Map<String, Partner> parties = new LinkedHashMap<>();
        for (Partner partner : partners) {
            names.put(partner.name(), partner);
            parties.put(partner.party().partyId(), partner);
        }
        byName = java.util.Collections.unmodifiableMap(names);
        byPartyId = java.util.Collections.unmodifiableMap(parties);
    }

    private static String fingerprint(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
