package eu.lexbridge.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lexbridge statistics --year 2026}: the yearly statistics of Reg (EU) 2023/1543 Art 28(2) of a running
 * connector, through its management port with an operator's login; {@code statistics enter} adds the figures no
 * message carries.
 */
@Command(name = "statistics", mixinStandardHelpOptions = true,
        description = {"The statistics of Reg (EU) 2023/1543 Art 28(2) for a year, computed from the connector's "
                + "traffic, with the figures entered by hand, as CSV (default) or JSON.",
                "Exit 0: printed; 2: refused (the sentence printed); 1: the connector cannot be used."},
        subcommands = StatisticsCommand.Enter.class)
public final class StatisticsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    PartnerCommand.Management management = new PartnerCommand.Management();

    @Option(names = "--year", required = true, description = "The calendar year (UTC)")
    int year;

    @Option(names = "--json", description = "JSON instead of CSV")
    boolean json;

    @Override
    public Integer call() {
        return management.send("GET", "/actuator/statistics/" + year + (json ? "" : "/csv"), null);
    }

    @Command(name = "enter", mixinStandardHelpOptions = true,
            description = {"Enter the figures of a year no message carries: (h) legal remedies used against orders, "
                    + "by data category; (i) ex-post validations refused; (j) the costs claimed and reimbursed. "
                    + "They replace those entered before for the year.",
                    "Exit 0: kept (the year's statistics printed); 2: refused; 1: the connector cannot be used."})
    static final class Enter implements Callable<Integer> {
        @Mixin
        PartnerCommand.Management management = new PartnerCommand.Management();

        @Option(names = "--year", required = true) int year;

        @Option(names = "--remedies", paramLabel = "CATEGORY=COUNT", split = ",",
                description = "Legal remedies by data category, e.g. trafficData=2,subscriberData=1 (h)")
        java.util.Map<String, Long> remedies = new java.util.LinkedHashMap<>();

        @Option(names = "--ex-post-validation-refused", paramLabel = "COUNT", description = "(i)")
        Long expostValidationRefused;

        @Option(names = "--costs", description = "An overview of the costs claimed and reimbursed, in words (j)")
        String costs;

        @Override
        public Integer call() {
            ObjectNode body = JSON.createObjectNode();
            StringBuilder lines = new StringBuilder();
            remedies.forEach((category, count) -> lines.append(category).append(' ').append(count).append('\n'));
            body.put("remedies", lines.toString());
            if (expostValidationRefused != null) {
                body.put("expostValidationRefused", expostValidationRefused.toString());
            }
            if (costs != null) {
                body.put("costs", costs);
            }
            return management.send("POST", "/actuator/statistics/" + year, body.toString());
        }
    }
}
