package eu.lexbridge.core.port;

import eu.lexbridge.core.record.ReadinessSpell;
import eu.lexbridge.core.record.ReadinessSpell.Status;
import java.time.Instant;
import java.util.List;

/**
 * The readiness of each running connector over time, kept as its changes (spells), not as every look: what the
 * availability of Implementing Regulation (EU) 2026/101 Annex I 6.1 is computed from. Each instance writes its own
 * spells only.
 */
public interface HealthHistory {

    /**
     * Keeps one look: when the instance's last spell has the same status, it lasts until {@code at} (the failed checks
     * not named yet added); otherwise that spell lasts until {@code at} and a new one starts there.
     *
     * @return the instance's spell as it is now
     */
    ReadinessSpell look(String instance, Status status, List<String> failedChecks, Instant at);

    /** Every instance's spells that overlap {@code from} (included) to {@code to} (excluded), the earliest first. */
    List<ReadinessSpell> spells(Instant from, Instant to);

    /**
     * Keeps the draft notice of an unexpected outage with spell {@code id}, unless it has one.
     *
     * @return whether it was kept now
     */
    boolean noteOutage(long id, String notice);

    /** The spells with an outage notice, the latest first, at most {@code limit}. */
    List<ReadinessSpell> outages(int limit);
}
