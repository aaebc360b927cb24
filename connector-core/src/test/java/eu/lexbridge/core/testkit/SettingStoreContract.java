package eu.lexbridge.core.testkit;

import static eu.lexbridge.core.port.SettingStore.Setting.BACKEND_RULES;
import static eu.lexbridge.core.port.SettingStore.Setting.PARTNERS;
import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.port.SettingStore;
import eu.lexbridge.core.port.SettingStore.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SettingStore} must do; an implementation's test extends this, {@link #store()} giving a fresh,
 * empty store each time it is called.
 */
public abstract class SettingStoreContract {

    private static final Instant AT = Instant.parse("2026-12-05T12:00:00Z");

    protected abstract SettingStore store();

    @Test
    void anEmptyStoreHasNoVersion() {
        assertThat(store().latest(BACKEND_RULES)).isEmpty();
        assertThat(store().latest(PARTNERS)).isEmpty();
    }

    @Test
    void theLatestSavedSetIsInForceWithWhoChangedItAndWhen() {
        SettingStore store = store();
        Version first = store.save(BACKEND_RULES, "eppo 10 startswith(FinalRecipient, 'eppo::')\n", "config-1",
                "operator", AT);
        Version second = store.save(BACKEND_RULES, "", "config-1", "admin 'ö'", AT.plusSeconds(60));

        assertThat(second.version()).isGreaterThan(first.version());
        Version latest = store.latest(BACKEND_RULES).orElseThrow();
        assertThat(latest.version()).isEqualTo(second.version());
        assertThat(latest.text()).isEmpty();
        assertThat(latest.configuration()).isEqualTo("config-1");
        assertThat(latest.changedBy()).isEqualTo("admin 'ö'");
        assertThat(latest.changedAt().truncatedTo(ChronoUnit.MILLIS)).isEqualTo(AT.plusSeconds(60));
    }

    @Test
    void aLongRuleSetIsKeptWhole() {
        String text = ("court-a 1 equals(FinalRecipient, 'court-a')\n").repeat(1000);

        SettingStore store = store();
        store.save(BACKEND_RULES, text, "config-2", "operator", AT);

        assertThat(store.latest(BACKEND_RULES).orElseThrow().text()).isEqualTo(text);
    }

    @Test
    void eachSettingHasItsOwnLatestVersion() {
        SettingStore store = store();
        Version rules = store.save(BACKEND_RULES, "court-a 1 equals(FinalRecipient, 'a')", "config-3", "operator", AT);
        Version partners = store.save(PARTNERS, "{\"partners\":[]}", "config-4", "operator", AT.plusSeconds(1));

        assertThat(store.latest(BACKEND_RULES).orElseThrow()).isEqualTo(rules);
        assertThat(store.latest(PARTNERS).orElseThrow()).isEqualTo(partners);
        assertThat(partners.version()).isGreaterThan(rules.version());
    }
}
