package eu.lexbridge.tools;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lexbridge availability --month 2026-11}: the availability of a running connector for a month and its year as
 * Implementing Regulation (EU) 2026/101 Annex I 6.1 counts it, through its management port; {@code availability
 * outages} the unexpected outages and the notices drafted for them (Annex I 6.6).
 */
@Command(name = "availability", mixinStandardHelpOptions = true,
        description = {"The availability of a month and of its year up to the month's end: time ready over time "
                + "looked at, both outside the planned maintenance windows (Implementing Regulation (EU) 2026/101 "
                + "Annex I 6.1: at least 98 %% a year), with the maintenance windows configured.",
                "Exit 0: printed; 2: refused (the sentence printed); 1: the connector cannot be used."},
        subcommands = AvailabilityCommand.Outages.class)
public final class AvailabilityCommand implements Callable<Integer> {

    @Mixin
    PartnerCommand.Management management = new PartnerCommand.Management();

    @Option(names = "--month", paramLabel = "YYYY-MM",
            description = "The month, in lexbridge.availability.zone (default: the current month)")
    String month;

    @Override
    public Integer call() {
        return management.send("GET", "/actuator/availability" + (month == null ? ""
                : "?month=" + java.net.URLEncoder.encode(month, java.nio.charset.StandardCharsets.UTF_8)), null);
    }

    @Command(name = "outages", mixinStandardHelpOptions = true,
            description = {"The unexpected outages, the latest first, each with the notice drafted for the Commission "
                    + "and the other Member States (Annex I 6.6).",
                    "Exit 0: printed; 1: the connector cannot be used."})
    static final class Outages implements Callable<Integer> {
        @Mixin
        PartnerCommand.Management management = new PartnerCommand.Management();

        @Override
        public Integer call() {
            return management.send("GET", "/actuator/availability/outages", null);
        }
    }
}
