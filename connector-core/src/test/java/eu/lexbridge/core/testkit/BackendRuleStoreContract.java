package eu.lexbridge.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.port.BackendRuleStore;
import eu.lexbridge.core.port.BackendRuleStore.RuleSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BackendRuleStore} must do; an implementation's test extends this, {@link #store()} giving a fresh,
 * empty store each time it is called.
 */
public abstract class BackendRuleStoreContract {

    private static final Instant AT = Instant.parse("2026-12-05T12:00:00Z");

    protected abstract BackendRuleStore store();

    @Test
    void anEmptyStoreHasNoRuleSet() {
        assertThat(store().latest()).isEmpty();
    }

    @Test
    void theLatestSavedSetIsInForceWithWhoChangedItAndWhen() {
        BackendRuleStore store = store();
        RuleSet first = store.save("eppo 10 startswith(FinalRecipient, 'eppo::')\n", "config-1", "operator", AT);
        RuleSet second = store.save("", "config-1", "admin 'ö'", AT.plusSeconds(60));

        assertThat(second.version()).isGreaterThan(first.version());
        RuleSet latest = store.latest().orElseThrow();
        assertThat(latest.version()).isEqualTo(second.version());
        assertThat(latest.text()).isEmpty();
        assertThat(latest.configuration()).isEqualTo("config-1");
        assertThat(latest.changedBy()).isEqualTo("admin 'ö'");
        assertThat(latest.changedAt().truncatedTo(ChronoUnit.MILLIS)).isEqualTo(AT.plusSeconds(60));
    }

    @Test
    void aLongRuleSetIsKeptWhole() {
        String text = ("court-a 1 equals(FinalRecipient, 'court-a')\n").repeat(1000);

        BackendRuleStore store = store();
        store.save(text, "config-2", "operator", AT);

        assertThat(store.latest().orElseThrow().text()).isEqualTo(text);
    }
}
