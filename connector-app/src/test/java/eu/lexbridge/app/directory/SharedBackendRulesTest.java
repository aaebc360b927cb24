package eu.lexbridge.app.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.port.SettingStore;
import eu.lexbridge.directory.routing.BackendRules;
import eu.lexbridge.directory.routing.RoutingRule;
import eu.lexbridge.directory.routing.RuleSyntaxException;
import eu.lexbridge.persistence.JdbcSettingStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rules changed at run time outlive a restart and reach the other replicas through the database, until the configured
 * rules change; over the real rule store on a migrated H2 database.
 */
class SharedBackendRulesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T12:00:00Z"), ZoneOffset.UTC);
    private static final String CONFIGURED = "court-a 10 equals(ServiceName, 'EPO')";
    private static final String CHANGED = "eurojust 20 startswith(FinalRecipient, 'eurojust::')\n"
            + "court-a 10 equals(ServiceName, 'EPO')";

    private final SettingStore store = migratedStore();

    @Test
    void aChangeIsKeptAndARestartRoutesByIt() {
        SharedBackendRules running = new SharedBackendRules(configured(CONFIGURED), store, CLOCK);

        running.replace(CHANGED, "operator");

        SettingStore.Version kept = store.latest(SettingStore.Setting.BACKEND_RULES).orElseThrow();
        assertThat(kept.changedBy()).isEqualTo("operator");
        assertThat(kept.text()).contains("eurojust 20");
        SharedBackendRules restarted = new SharedBackendRules(configured(CONFIGURED), store, CLOCK);
        assertThat(backends(restarted)).containsExactly("eurojust", "court-a");
    }

    @Test
    void anotherReplicaTakesTheChangeUpAtItsNextLook() {
        SharedBackendRules first = new SharedBackendRules(configured(CONFIGURED), store, CLOCK);
        SharedBackendRules second = new SharedBackendRules(configured(CONFIGURED), store, CLOCK);

        first.replace(CHANGED, "operator");
        assertThat(backends(second)).containsExactly("court-a");
        second.refresh();

        assertThat(backends(second)).containsExactly("eurojust", "court-a");
    }

    @Test
    void whenTheConfiguredRulesChangeTheConfigurationWinsAgain() {
        new SharedBackendRules(configured(CONFIGURED), store, CLOCK).replace(CHANGED, "operator");

        SharedBackendRules reconfigured = new SharedBackendRules(configured("eppo 5 equals(Action, 'EPOC')"), store,
                CLOCK);

        assertThat(backends(reconfigured)).containsExactly("eppo");
    }

    @Test
    void aSetThatDoesNotParseIsNeitherAppliedNorKept() {
        SharedBackendRules running = new SharedBackendRules(configured(CONFIGURED), store, CLOCK);

        assertThatThrownBy(() -> running.replace("eppo 5 equals(Colour, 'blue')", "operator"))
                .isInstanceOf(RuleSyntaxException.class);

        assertThat(store.latest(SettingStore.Setting.BACKEND_RULES)).isEmpty();
        assertThat(backends(running)).containsExactly("court-a");
    }

    @Test
    void withoutAStoreAChangeHoldsInTheProcess() {
        SharedBackendRules running = new SharedBackendRules(configured(CONFIGURED), null, CLOCK);

        running.replace(CHANGED, "operator");
        running.refresh();

        assertThat(backends(running)).containsExactly("eurojust", "court-a");
    }

    private static BackendRules configured(String text) {
        return new BackendRules(BackendRules.parse(text));
    }

    private static List<String> backends(SharedBackendRules shared) {
        return shared.rules().rules().stream().map(RoutingRule::backend).toList();
    }

    private static SettingStore migratedStore() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:rules-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return new JdbcSettingStore(new JdbcTemplate(dataSource));
    }
}
