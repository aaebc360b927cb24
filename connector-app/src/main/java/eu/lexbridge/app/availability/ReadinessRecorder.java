package eu.lexbridge.app.availability;

import eu.lexbridge.core.port.HealthHistory;
import eu.lexbridge.core.record.ReadinessSpell;
import eu.lexbridge.core.record.ReadinessSpell.Status;
import eu.lexbridge.record.availability.Availability;
import eu.lexbridge.record.availability.OutageNotice;
import eu.lexbridge.record.availability.Span;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at the connector's readiness every {@code lexbridge.availability.check-interval} and keeps its changes in the
 * {@link HealthHistory}; computes the availability of a month and of the year to its end from them. When readiness
 * stays DOWN outside the maintenance windows for {@code outage-notice-after}, and no other instance is ready, drafts
 * the notice of an unexpected outage (Annex I 6.6): one WARN line, kept with the spell.
 *
 * <p>The history lives in the database, which may be what is down: looks that cannot be written are held (the first
 * of each change and the latest) and written once it is back, so an outage of the database is recorded too.
 */
public final class ReadinessRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(ReadinessRecorder.class);
    /** Looks held while the database cannot be written; beyond this the oldest changes are dropped. */
    static final int MAX_HELD = 1000;

    /** What readiness said at one look: its status and the checks that were not UP (names only). */
    public record Readiness(Status status, List<String> failedChecks) {
        public Readiness {
            failedChecks = List.copyOf(failedChecks);
        }
    }

    private record Look(Readiness readiness, Instant at) {
    }

    /** What the notice of an outage needs: the component it names and how long an outage runs before it. */
    public record Outages(String component, Duration noticeAfter, Duration checkInterval) {
    }

    private final HealthHistory history;
    private final Supplier<Readiness> readiness;
    private final MaintenanceSchedule schedule;
    private final String instance;
    private final ZoneId zone;
    private final Clock clock;
    private final Outages outages;
    /** The current run of one status, as this instance saw it, written or not. */
    private Status status;
    private Instant statusSince;
    private final Set<String> failedSince = new LinkedHashSet<>();
    private String drafted;
    private boolean draftWritten;
    private final List<Look> held = new ArrayList<>();
    private volatile ReadinessSpell current;
    private volatile Availability month;
    private volatile Availability year;
    private boolean failing;

    public ReadinessRecorder(HealthHistory history, Supplier<Readiness> readiness, MaintenanceSchedule schedule,
                             String instance, ZoneId zone, Clock clock, Outages outages) {
        this.outages = outages;
        this.history = history;
        this.readiness = readiness;
        this.schedule = schedule;
        this.instance = instance;
        this.zone = zone;
        this.clock = clock;
    }

    /** One look: readiness now, kept; the month's and the year's availability computed again for the gauges. */
    public synchronized void look() {
        Instant now = clock.instant();
        Readiness seen = readiness.get();
        follow(seen, now);
        hold(new Look(seen, now));
        try {
            while (!held.isEmpty()) {
                Look look = held.get(0);
                current = history.look(instance, look.readiness().status(), look.readiness().failedChecks(),
                        look.at());
                held.remove(0);
            }
            if (drafted != null && !draftWritten) {
                history.noteOutage(current.id(), drafted);
                draftWritten = true;
            }
            YearMonth thisMonth = YearMonth.from(now.atZone(zone));
            month = month(thisMonth);
            year = yearTo(thisMonth);
            if (failing) {
                LOG.info("the readiness history is written again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) { // once per failure, not every look: the db check says the rest
                LOG.warn("the readiness history cannot be written; looks are held until it can: {}",
                        e.getClass().getSimpleName());
                failing = true;
            }
        }
    }

    /** Follows the current run of one status; drafts the notice of an outage once it is due. */
    private void follow(Readiness seen, Instant now) {
        if (seen.status() != status) {
            if (status == Status.DOWN && drafted != null) {
                LOG.info("the unexpected outage since {} is over after {} min: tell the Commission and the other "
                        + "Member States it has ended", statusSince, Duration.between(statusSince, now).toMinutes());
            }
            status = seen.status();
            statusSince = now;
            failedSince.clear();
            drafted = null;
            draftWritten = false;
        }
        failedSince.addAll(seen.failedChecks());
        if (status == Status.DOWN && drafted == null
                && OutageNotice.due(statusSince, now, schedule.windows(), outages.noticeAfter())
                && !otherInstanceReady(now)) {
            drafted = new OutageNotice(outages.component(), statusSince, List.copyOf(failedSince)).text();
            LOG.warn("{}", drafted);
        }
    }

    /** Another replica that was ready at its last look keeps the connector available: not an outage. */
    private boolean otherInstanceReady(Instant now) {
        Instant recent = now.minus(outages.checkInterval().multipliedBy(2));
        try {
            return history.spells(recent, now.plusNanos(1)).stream().anyMatch(spell -> spell.status() == Status.UP
                    && !spell.instance().equals(instance) && !spell.until().isBefore(recent));
        } catch (RuntimeException e) {
            return false; // the database is down: so are the others
        }
    }

    /** How long the current downtime has lasted outside the windows; zero when ready. */
    Duration unplannedDowntime() {
        Status now = status;
        Instant since = statusSince;
        return now != Status.DOWN ? Duration.ZERO : OutageNotice.unplanned(since, clock.instant(), schedule.windows());
    }

    /** The outages with a notice drafted, the latest first. */
    public List<ReadinessSpell> outages(int limit) {
        return history.outages(limit);
    }

    /** Keeps the first look of each change and the latest look, which is all the history needs of them. */
    private void hold(Look look) {
        int size = held.size();
        if (size >= 2 && held.get(size - 1).readiness().status() == look.readiness().status()
                && held.get(size - 2).readiness().status() == look.readiness().status()) {
            held.set(size - 1, look);
        } else {
            held.add(look);
        }
        if (held.size() > MAX_HELD) {
            held.remove(0);
        }
    }

    /** The availability of {@code month}, up to now when it is the current one. */
    public Availability month(YearMonth month) {
        return over(month.atDay(1), month.plusMonths(1).atDay(1));
    }

    /** The availability from the start of {@code month}'s year to the end of {@code month}, up to now. */
    public Availability yearTo(YearMonth month) {
        return over(LocalDate.of(month.getYear(), 1, 1), month.plusMonths(1).atDay(1));
    }

    private Availability over(LocalDate first, LocalDate next) {
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant to = next.atStartOfDay(zone).toInstant();
        Instant now = clock.instant();
        Instant end = to.isAfter(now) ? now : to;
        Span period = new Span(from, end.isBefore(from) ? from : end);
        return Availability.of(period, period.length().isZero() ? List.of() : history.spells(period.start(),
                period.end()), schedule.windows());
    }

    /** This instance's spell at the last look written, or {@code null} before the first. */
    public ReadinessSpell current() {
        return current;
    }

    public String instance() {
        return instance;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The month's availability at the last look, or {@code null} before it. */
    Availability lastMonth() {
        return month;
    }

    /** The year's availability to the end of the current month at the last look, or {@code null} before it. */
    Availability lastYear() {
        return year;
    }
}
