package eu.lexbridge.record.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EasterTest {

    @Test
    void westernEaster() {
        assertThat(Easter.western(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(Easter.western(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(Easter.western(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(Easter.western(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        // The extremes of the Gregorian computus.
        assertThat(Easter.western(2285)).isEqualTo(LocalDate.of(2285, 3, 22));
        assertThat(Easter.western(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
    }

    @Test
    void orthodoxEaster() {
        assertThat(Easter.orthodox(2024)).isEqualTo(LocalDate.of(2024, 5, 5));
        assertThat(Easter.orthodox(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(Easter.orthodox(2026)).isEqualTo(LocalDate.of(2026, 4, 12));
        assertThat(Easter.orthodox(2027)).isEqualTo(LocalDate.of(2027, 5, 2));
        assertThat(Easter.orthodox(2021)).isEqualTo(LocalDate.of(2021, 5, 2));
        assertThat(Easter.orthodox(2023)).isEqualTo(LocalDate.of(2023, 4, 16));
    }

    @Test
    void outsideTheComputusItRefuses() {
        assertThatThrownBy(() -> Easter.western(1500)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1500");
    }
}
