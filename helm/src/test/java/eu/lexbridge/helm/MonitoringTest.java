package eu.lexbridge.helm;

import static eu.lexbridge.helm.Chart.at;
import static eu.lexbridge.helm.Chart.list;
import static eu.lexbridge.helm.Chart.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The alert rules and the dashboard ask only for series the connector (or Spring Boot, Camel, Prometheus) exports. */
class MonitoringTest {

    /** The connector's series, as its Prometheus endpoint names them (histograms and timers with their suffixes). */
    static final Set<String> LEXBRIDGE_SERIES = Set.of(
            "lexbridge_queue_messages", "lexbridge_queue_oldest_age_seconds", "lexbridge_evidences_total",
            "lexbridge_evidence_latency_seconds_bucket", "lexbridge_as4_sends_seconds_count",
            "lexbridge_as4_sends_seconds_sum", "lexbridge_as4_sends_seconds_bucket",
            "lexbridge_certificate_expiry_seconds", "lexbridge_directory_snapshot_age_seconds",
            "lexbridge_case_deadlines", "lexbridge_security_events_total", "lexbridge_availability_ratio",
            "lexbridge_availability_unplanned_outage_seconds", "lexbridge_availability_maintenance_late",
            "lexbridge_trust_next_update_seconds", "lexbridge_gateway_reachable");
    /** Spring Boot's, Camel's and Prometheus's own. */
    static final Pattern STANDARD_SERIES = Pattern.compile(
            "up|camel_exchanges_(total|failed_total)|http_server_requests_seconds_(count|sum|bucket|max)|jvm_\\w+|process_\\w+");
    static final Set<String> ALERTS = Set.of("LexBridgeScrapeFailing", "LexBridgeDeadLetters",
            "LexBridgeQueueMessageOld", "LexBridgeEvidenceFailures", "LexBridgeAs4PartnerUnreachable",
            "LexBridgeCertificateExpiring", "LexBridgeCertificateExpiringCritical", "LexBridgeDirectorySnapshotOld",
            "LexBridgeCaseDeadlineMissed", "LexBridgeSecurityEvents", "LexBridgeDocumentsBelowPolicy",
            "LexBridgeUnplannedOutage", "LexBridgeAvailabilityBelowRequired", "LexBridgeMaintenanceAnnouncedLate",
            "LexBridgeTrustDataStale", "LexBridgeAccessPointUnreachable");

    private static final Chart.Rendered RENDERED = Chart.production();

    @Test
    void eachAlertIsThereWithAnExpressionOverKnownSeriesAndWordsForTheOperator() {
        List<Map<String, Object>> rules = list(at(RENDERED.one("PrometheusRule"), "spec.groups.0.rules")).stream()
                .map(Chart::map).toList();
        assertThat(rules.stream().map(r -> (String) r.get("alert"))).containsExactlyInAnyOrderElementsOf(ALERTS);
        for (Map<String, Object> rule : rules) {
            String expr = String.valueOf(rule.get("expr"));
            assertThat(series(expr)).as("%s: %s", rule.get("alert"), expr).isNotEmpty().allSatisfy(MonitoringTest::known);
            assertThat((String) at(rule, "annotations.summary")).as("summary").isNotBlank();
            assertThat((String) at(rule, "annotations.description")).as("description").hasSizeGreaterThan(80);
            assertThat(at(rule, "labels.severity")).isIn("critical", "warning", "info");
        }
        Map<String, String> exprs = rules.stream()
                .collect(Collectors.toMap(r -> (String) r.get("alert"), r -> String.valueOf(r.get("expr"))));
        assertThat(exprs.get("LexBridgeDeadLetters")).contains("lexbridge_queue_messages{queue=~\"DLQ\\\\..*\"}");
        assertThat(exprs.get("LexBridgeDirectorySnapshotOld")).endsWith("> 604800");
    }

    @Test
    void theDashboardParsesAndEveryQueryAsksForKnownSeries() throws IOException {
        Map<String, Object> configMap = RENDERED.all("ConfigMap").stream()
                .filter(c -> "1".equals(at(c, "metadata.labels.grafana_dashboard"))).findFirst().orElseThrow();
        JsonNode dashboard = new ObjectMapper().readTree((String) map(configMap.get("data")).get("lexbridge.json"));
        List<String> exprs = new ArrayList<>();
        dashboard.findValues("expr").forEach(e -> exprs.add(e.asText()));
        assertThat(exprs).hasSizeGreaterThanOrEqualTo(dashboard.get("panels").size());
        Set<String> used = new TreeSet<>();
        for (String expr : exprs) {
            Set<String> series = series(expr);
            assertThat(series).as(expr).isNotEmpty().allSatisfy(MonitoringTest::known);
            used.addAll(series);
        }
        assertThat(used).as("the dashboard shows every LexBridge series but the send time's sum")
                .containsAll(LEXBRIDGE_SERIES.stream().filter(s -> !s.endsWith("_sum")).toList());
    }

    @Test
    void aNameOutsideTheListIsNoticed() {
        assertThat(series("sum by (queue) (increase(lexbridge_queue_mesages{queue=~\"DLQ.x\"}[5m])) > 0"))
                .containsExactly("lexbridge_queue_mesages")
                .noneMatch(s -> LEXBRIDGE_SERIES.contains(s) || STANDARD_SERIES.matcher(s).matches());
    }

    private static void known(String series) {
        assertThat(LEXBRIDGE_SERIES.contains(series) || STANDARD_SERIES.matcher(series).matches())
                .as("%s is neither a LexBridge series of the list nor a standard one", series).isTrue();
    }

    /**
     * The series names a PromQL expression reads: what is left once strings, label matchers, ranges and groupings
     * are taken out, without functions, aggregations (a name before a parenthesis), keywords and numbers.
     */
    static Set<String> series(String expr) {
        String bare = expr.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> keywords = Set.of("and", "or", "unless", "bool", "offset");
        Matcher m = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?").matcher(bare);
        Set<String> names = new TreeSet<>();
        while (m.find()) {
            if (m.group(2) == null && !keywords.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

}
