package eu.lexbridge.record.availability;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The planned maintenance of a Member State's components, which Implementing Regulation (EU) 2026/101 Annex I 6.1
 * leaves out of the availability: fixed regular windows, announced once by day and time (6.5), and one-off windows,
 * each announced ahead (6.4, {@link MaintenanceNotice}).
 */
public record MaintenanceWindows(List<Regular> regular, List<Planned> planned) {

    public static final MaintenanceWindows NONE = new MaintenanceWindows(List.of(), List.of());

    /** A regular window lasts less than a week, so that two never run into each other. */
    static final Duration LONGEST_REGULAR = Duration.ofDays(7);

    public MaintenanceWindows {
        regular = List.copyOf(regular);
        planned = List.copyOf(planned);
    }

    /** Every week on {@code day} from {@code start} for {@code duration}, in {@code zone}'s local time. */
    public record Regular(DayOfWeek day, LocalTime start, Duration duration, ZoneId zone) {
        public Regular {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(zone, "zone");
            if (duration == null || duration.isNegative() || duration.isZero()
                    || duration.compareTo(LONGEST_REGULAR) >= 0) {
                throw new IllegalArgumentException("a regular maintenance window lasts more than nothing and less "
                        + "than a week");
            }
        }

        /** The occurrences that overlap {@code period}. */
        List<Span> within(Span period) {
            List<Span> found = new ArrayList<>();
            // an occurrence that began up to a week before the period may still run into it
            LocalDate day = period.start().atZone(zone).toLocalDate().minusDays(7);
            LocalDate last = period.end().atZone(zone).toLocalDate().plusDays(1);
            for (; !day.isAfter(last); day = day.plusDays(1)) {
                if (day.getDayOfWeek() == this.day) {
                    Instant begin = ZonedDateTime.of(day, start, zone).toInstant();
                    Span occurrence = new Span(begin, begin.plus(duration));
                    if (occurrence.overlaps(period)) {
                        found.add(occurrence);
                    }
                }
            }
            return found;
        }
    }

    /** Once, from {@code start} for {@code duration}. */
    public record Planned(OffsetDateTime start, Duration duration) {
        public Planned {
            Objects.requireNonNull(start, "start");
            if (duration == null || duration.isNegative() || duration.isZero()
                    || duration.compareTo(MaintenanceNotice.LONGEST) > 0) {
                throw new IllegalArgumentException("a planned maintenance window lasts more than nothing and at most "
                        + MaintenanceNotice.LONGEST.toDays() + " days");
            }
        }

        public Span span() {
            return new Span(start.toInstant(), start.toInstant().plus(duration));
        }
    }

    /** The windows that overlap {@code period}, cut to it, merged where they meet or overlap, in order. */
    public List<Span> within(Span period) {
        List<Span> all = new ArrayList<>();
        regular.forEach(window -> all.addAll(window.within(period)));
        planned.stream().map(Planned::span).filter(period::overlaps).forEach(all::add);
        all.sort(Comparator.comparing(Span::start));
        List<Span> merged = new ArrayList<>();
        for (Span span : all) {
            Span cut = new Span(later(span.start(), period.start()), earlier(span.end(), period.end()));
            Span previous = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (previous != null && !cut.start().isAfter(previous.end())) {
                merged.set(merged.size() - 1, new Span(previous.start(), later(previous.end(), cut.end())));
            } else {
                merged.add(cut);
            }
        }
        return merged;
    }

    /** Whether a window is open at {@code at}. */
    public boolean covers(Instant at) {
        return !within(new Span(at, at.plusNanos(1))).isEmpty();
    }

    static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
