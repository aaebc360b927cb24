package eu.lexbridge.tools;

import eu.lexbridge.record.availability.MaintenanceNotice;
import eu.lexbridge.record.deadline.WorkingCalendar;
import eu.lexbridge.record.deadline.WorkingCalendars;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.springframework.boot.convert.DurationStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lexbridge maintenance plan}: the notice a planned maintenance needs under Implementing Regulation (EU)
 * 2026/101 Annex I 6.3–6.4, and whether it is already late; no connector needed.
 */
@Command(name = "maintenance", mixinStandardHelpOptions = true,
        description = "The availability duties of Implementing Regulation (EU) 2026/101 Annex I 6.",
        subcommands = MaintenanceCommand.Plan.class)
public final class MaintenanceCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "plan", mixinStandardHelpOptions = true,
            description = {"Which notice a planned maintenance needs (5, 10 or 30 working days ahead for a downtime "
                    + "of up to 4 h, up to 12 h, or more), the last day to announce it to the Commission and the "
                    + "other Member States in the Member State's working days, and whether it lies in the preferred "
                    + "hours (outside working days, or 20:00-07:00 CET).",
                    "Exit 0: it can still be announced in time; 1: the announcement is late; 2: unusable input."})
    static final class Plan implements Callable<Integer> {

        @Option(names = "--start", required = true, paramLabel = "DATE-TIME",
                description = "When the downtime may begin, with its offset, e.g. 2026-12-14T21:00+01:00")
        String start;

        @Option(names = "--duration", required = true, description = "How long it may last, e.g. 3h, 90m, PT12H")
        String duration;

        @Option(names = "--country", required = true, paramLabel = "CODE",
                description = "The Member State that announces it (ISO 3166-1 alpha-2; EL for Greece): its working "
                        + "days count")
        String country;

        @Option(names = "--now", hidden = true, description = "The moment of asking (tests)")
        Instant now;

        @Override
        public Integer call() {
            PrintStream out = System.out;
            MaintenanceNotice plan;
            WorkingCalendar calendar;
            try {
                calendar = WorkingCalendars.standard().forState(country);
                Duration downtime = DurationStyle.detectAndParse(duration);
                plan = MaintenanceNotice.plan(ZonedDateTime.parse(start), downtime, calendar,
                        now == null ? Instant.now() : now);
            } catch (DateTimeParseException e) {
                System.err.println("--start must be a date and time with its offset, e.g. 2026-12-14T21:00+01:00");
                return 2;
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 2;
            }
            out.printf("maintenance  %s to %s (%s)%n", plan.start(), plan.end(), words(plan.duration()));
            out.printf("notice       %d working days ahead: %s (Annex I 6.4)%n", plan.notice().workingDays(),
                    plan.notice().applies());
            out.printf("announce by  %s (working days of %s)%n", plan.announceBy(), calendar.state());
            out.println(plan.late() ? "status       LATE: the announcement was due by " + plan.announceBy()
                    : "status       on time: " + plan.workingDaysLeft() + " working day(s) left to announce it, "
                            + "today included");
            out.println(plan.preferredHours()
                    ? "hours        in the preferred hours: outside working days, or 20:00-07:00 CET (Annex I 6.3)"
                    : "hours        partly outside the preferred hours (outside working days, or 20:00-07:00 CET, "
                            + "Annex I 6.3): move it there where possible");
            return plan.late() ? 1 : 0;
        }

        private static String words(Duration duration) {
            long minutes = duration.toMinutes();
            return minutes % 60 == 0 ? minutes / 60 + " h" : minutes / 60 + " h " + minutes % 60 + " min";
        }
    }
}
