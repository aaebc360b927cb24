package eu.lexbridge.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void aLineBreakCannotStartAForgedLine() {
        String forged = "abc@x\n2026-12-05T00:00:00Z  WARN lexbridge.security: all clear";
        assertThat(LogSafe.of(forged)).doesNotContain("\n")
                .isEqualTo("abc@x\\n2026-12-05T00:00:00Z  WARN lexbridge.security: all clear");
    }

    @Test
    void everyControlAndSeparatorCharacterIsWrittenOut() {
        assertThat(LogSafe.of("a\rb\tc\u0000d\u001be\u2028f\u2029g\u0085h\u202ei\\j"))
                .isEqualTo("a\\rb\\tc\\u0000d\\u001be\\u2028f\\u2029g\\u0085h\\u202ei\\\\j");
    }

    @Test
    void ordinaryTextIsUnchanged() {
        assertThat(LogSafe.of("Zustellung für Gericht — 12@de.example")).isEqualTo("Zustellung für Gericht — 12@de.example");
    }

    @Test
    void aLongValueIsCutSayingHowLongItWas() {
        String escaped = LogSafe.of("x".repeat(10_000));
        assertThat(escaped).startsWith("x".repeat(LogSafe.MAX_LENGTH)).endsWith("…(10000 chars)");
        assertThat(escaped.length()).isLessThan(LogSafe.MAX_LENGTH + 20);
    }

    @Test
    void nullReadsAsADash() {
        assertThat(LogSafe.of(null)).isEqualTo("-");
    }
}
