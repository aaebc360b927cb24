package eu.lexbridge.record.availability;

import eu.lexbridge.core.record.ReadinessSpell;
import eu.lexbridge.core.record.ReadinessSpell.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The technical availability of Implementing Regulation (EU) 2026/101 Annex I 6.1 over a period: the time the
 * connector was ready, over the time it was looked at, both outside the planned maintenance windows. The connector is
 * ready at a moment when one of its instances (replicas) found its readiness UP then; time no instance looked at (every
 * process stopped) is neither ready nor not: it is shown as {@code unobserved}.
 *
 * @param period what was counted (its end no later than the time of asking)
 * @param observed the time some instance looked, windows included
 * @param maintenance the part of {@code observed} inside a maintenance window
 * @param up the time ready outside the windows
 * @param down the time looked at, not ready, outside the windows
 * @param unobserved the time nobody looked
 * @param ratio {@code up / (up + down)}, or {@code null} when nothing outside the windows was looked at
 */
public record Availability(Span period, Duration observed, Duration maintenance, Duration up, Duration down,
                           Duration unobserved, Double ratio) {

    /** Annex I 6.1: at least 98 % a year. */
    public static final double REQUIRED = 0.98;

    public Availability {
        Objects.requireNonNull(period, "period");
    }

    /** The availability over {@code period}, from the spells of every instance and the windows. */
    public static Availability of(Span period, List<ReadinessSpell> spells, MaintenanceWindows windows) {
        List<Span> planned = windows.within(period);
        TreeSet<Instant> cuts = new TreeSet<>(List.of(period.start(), period.end()));
        List<ReadinessSpell> inside = new ArrayList<>();
        for (ReadinessSpell spell : spells) {
            Span span = new Span(spell.since(), spell.until());
            if (span.overlaps(period)) {
                inside.add(spell);
                cuts.add(MaintenanceWindows.later(spell.since(), period.start()));
                cuts.add(MaintenanceWindows.earlier(spell.until(), period.end()));
            }
        }
        planned.forEach(window -> {
            cuts.add(window.start());
            cuts.add(window.end());
        });
        Duration observed = Duration.ZERO;
        Duration maintenance = Duration.ZERO;
        Duration up = Duration.ZERO;
        Duration down = Duration.ZERO;
        // between two cuts nothing changes: who looked, what they found and whether a window is open
        Instant from = null;
        for (Instant cut : cuts) {
            if (from != null) {
                Duration piece = Duration.between(from, cut);
                Instant at = from;
                boolean looked = inside.stream().anyMatch(s -> covers(s, at));
                boolean ready = inside.stream().anyMatch(s -> s.status() == Status.UP && covers(s, at));
                boolean window = planned.stream().anyMatch(w -> w.covers(at));
                if (looked) {
                    observed = observed.plus(piece);
                    if (window) {
                        maintenance = maintenance.plus(piece);
                    } else if (ready) {
                        up = up.plus(piece);
                    } else {
                        down = down.plus(piece);
                    }
                }
            }
            from = cut;
        }
        Duration counted = up.plus(down);
        Double ratio = counted.isZero() ? null : (double) up.toMillis() / counted.toMillis();
        return new Availability(period, observed, maintenance, up, down, period.length().minus(observed), ratio);
    }

    /** A spell holds from its first look to its last. */
    private static boolean covers(ReadinessSpell spell, Instant at) {
        return !at.isBefore(spell.since()) && at.isBefore(spell.until());
    }

    /** Whether the period met Annex I 6.1's 98 %; {@code null} when nothing was counted. */
    public Boolean meetsRequirement() {
        return ratio == null ? null : ratio >= REQUIRED;
    }
}
