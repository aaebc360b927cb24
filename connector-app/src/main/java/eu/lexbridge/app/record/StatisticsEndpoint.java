package eu.lexbridge.app.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.core.port.SettingStore;
import eu.lexbridge.core.port.SettingStore.Setting;
import eu.lexbridge.record.statistics.ManualFigures;
import eu.lexbridge.record.statistics.StatisticsReport;
import eu.lexbridge.record.statistics.YearStatistics;
import java.time.Clock;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.lang.Nullable;

/**
 * The yearly statistics of Reg (EU) 2023/1543 Art 28(2) on the management port (operators): {@code GET
 * /actuator/statistics/2026} as JSON, {@code GET /actuator/statistics/2026/csv} as CSV; {@code POST
 * /actuator/statistics/2026} enters the figures no message carries, (h)–(j), kept for a restart and the replicas.
 */
@Endpoint(id = "statistics")
public class StatisticsEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(StatisticsEndpoint.class);
    private static final TypeReference<TreeMap<String, Entered>> ENTERED = new TypeReference<>() { };

    private final YearStatistics statistics;
    private final SettingStore settings;
    private final ObjectMapper json;
    private final Clock clock;

    StatisticsEndpoint(YearStatistics statistics, SettingStore settings, ObjectMapper json, Clock clock) {
        this.statistics = statistics;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /** The figures entered for a year, as stored. */
    record Entered(Map<String, Long> remedies, Long expostValidationRefused, String costs) {
        ManualFigures figures() {
            return new ManualFigures(remedies == null ? Map.of() : remedies, expostValidationRefused, costs);
        }
    }

    @ReadOperation
    public WebEndpointResponse<Map<String, Object>> year(@Selector int year) {
        if (!plausible(year)) {
            return refusal(year);
        }
        StatisticsReport report = report(year);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("year", report.year());
        body.put("generatedAt", report.generatedAt().toString());
        body.put("conversations", report.conversations());
        body.put("truncated", report.truncated());
        body.put("figures", report.figures());
        return new WebEndpointResponse<>(body);
    }

    @ReadOperation(produces = "text/csv")
    public WebEndpointResponse<String> csv(@Selector int year, @Selector String format) {
        if (!"csv".equals(format) || !plausible(year)) {
            return new WebEndpointResponse<>("the statistics are at /actuator/statistics/<year> (JSON) and "
                    + "/actuator/statistics/<year>/csv, for a year from 2023 to next year\n", 400);
        }
        return new WebEndpointResponse<>(report(year).csv());
    }

    /**
     * @param remedies legal remedies by data category, one {@code category count} a line (h)
     * @param expostValidationRefused a count (i)
     * @param costs an overview of the costs claimed and reimbursed, in words (j)
     */
    @WriteOperation
    public WebEndpointResponse<Map<String, Object>> enter(@Selector int year, @Nullable String remedies,
                                                         @Nullable String expostValidationRefused,
                                                         @Nullable String costs, SecurityContext who) {
        if (!plausible(year)) {
            return refusal(year);
        }
        Entered entered;
        try {
            entered = new Entered(remedies(remedies), count(expostValidationRefused), blank(costs) ? null
                    : bounded(costs));
            entered.figures(); // checks the counts
        } catch (IllegalArgumentException e) {
            return new WebEndpointResponse<>(Map.of("code", "LB-1002", "detail", e.getMessage()), 400);
        }
        TreeMap<String, Entered> all = stored();
        all.put(String.valueOf(year), entered);
        String by = who.getPrincipal() == null ? "unknown" : who.getPrincipal().getName();
        try {
            settings.save(Setting.STATISTICS, json.writeValueAsString(all), "-", by, clock.instant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the statistics entered could not be written", e);
        }
        LOG.info("statistics of {} entered by hand by {}", year, LogSafe.of(by));
        return year(year);
    }

    private StatisticsReport report(int year) {
        Entered entered = stored().get(String.valueOf(year));
        return statistics.of(year, clock.instant(), entered == null ? ManualFigures.NONE : entered.figures());
    }

    private TreeMap<String, Entered> stored() {
        return settings.latest(Setting.STATISTICS).map(version -> {
            try {
                return json.readValue(version.text(), ENTERED);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the statistics entered by hand cannot be read", e);
            }
        }).orElseGet(TreeMap::new);
    }

    private boolean plausible(int year) {
        return year >= 2023 && year <= Year.now(clock).getValue() + 1;
    }

    private static WebEndpointResponse<Map<String, Object>> refusal(int year) {
        return new WebEndpointResponse<>(Map.of("code", "LB-1002", "detail",
                "the year must be from 2023 (the regulation) to next year, not " + year), 400);
    }

    private static Map<String, Long> remedies(String text) {
        Map<String, Long> remedies = new TreeMap<>();
        if (blank(text)) {
            return remedies;
        }
        List<String> lines = text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        for (String line : lines) {
            int space = line.lastIndexOf(' ');
            if (space <= 0) {
                throw new IllegalArgumentException("remedies: each line is a data category and a count, e.g. "
                        + "'trafficData 2'");
            }
            remedies.merge(bounded(line.substring(0, space).strip()), count(line.substring(space + 1)), Long::sum);
        }
        return remedies;
    }

    private static Long count(String text) {
        if (blank(text)) {
            return null;
        }
        try {
            long count = Long.parseLong(text.strip());
            if (count < 0) {
                throw new IllegalArgumentException("a count is never negative");
            }
            return count;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a count is a whole number");
        }
    }

    private static String bounded(String text) {
        if (text.length() > 2000 || text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw new IllegalArgumentException("a text entered is at most 2000 characters, without control "
                    + "characters");
        }
        return text;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
