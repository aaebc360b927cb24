package eu.lexbridge.record.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The 2026 nationwide public holidays as the states publish them, and the rules that move or end holidays. */
class WorkingCalendarsTest {

    private static final WorkingCalendars CALENDARS = WorkingCalendars.standard();

    private static List<LocalDate> holidays2026(String state) {
        return List.copyOf(CALENDARS.forState(state).nationalHolidays(2026).keySet());
    }

    private static LocalDate[] dates(String... isoDates) {
        return Arrays.stream(isoDates).map(LocalDate::parse).toArray(LocalDate[]::new);
    }

    @Test
    void austria2026() {
        assertThat(holidays2026("AT")).containsExactly(dates("2026-01-01", "2026-01-06", "2026-04-06", "2026-05-01",
                "2026-05-14", "2026-05-25", "2026-06-04", "2026-08-15", "2026-10-26", "2026-11-01", "2026-12-08",
                "2026-12-25", "2026-12-26"));
    }

    @Test
    void germany2026() {
        assertThat(holidays2026("DE")).containsExactly(dates("2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01",
                "2026-05-14", "2026-05-25", "2026-10-03", "2026-12-25", "2026-12-26"));
    }

    @Test
    void france2026() {
        assertThat(holidays2026("FR")).containsExactly(dates("2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08",
                "2026-05-14", "2026-05-25", "2026-07-14", "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25"));
    }

    @Test
    void italy2026WithStFrancisBackFrom2026() {
        assertThat(holidays2026("IT")).containsExactly(dates("2026-01-01", "2026-01-06", "2026-04-05", "2026-04-06",
                "2026-04-25", "2026-05-01", "2026-06-02", "2026-08-15", "2026-10-04", "2026-11-01", "2026-12-08",
                "2026-12-25", "2026-12-26"));
        assertThat(CALENDARS.forState("IT").isPublicHoliday(LocalDate.parse("2025-10-04"))).isFalse();
    }

    @Test
    void netherlands2026ByTheAlgemeneTermijnenwet() {
        assertThat(holidays2026("NL")).containsExactly(dates("2026-01-01", "2026-04-03", "2026-04-06", "2026-04-27",
                "2026-05-05", "2026-05-14", "2026-05-25", "2026-12-25", "2026-12-26"));
        // 27 April 2025 was a Sunday: King's Day was Saturday 26 April.
        assertThat(CALENDARS.forState("NL").nationalHolidays(2025)).containsKey(LocalDate.parse("2025-04-26"))
                .doesNotContainKey(LocalDate.parse("2025-04-27"));
    }

    @Test
    void poland2026WithChristmasEveFrom2025() {
        assertThat(holidays2026("PL")).containsExactly(dates("2026-01-01", "2026-01-06", "2026-04-05", "2026-04-06",
                "2026-05-01", "2026-05-03", "2026-05-24", "2026-06-04", "2026-08-15", "2026-11-01", "2026-11-11",
                "2026-12-24", "2026-12-25", "2026-12-26"));
        assertThat(CALENDARS.forState("PL").isPublicHoliday(LocalDate.parse("2024-12-24"))).isFalse();
    }

    @Test
    void spain2026NationwideOnly() {
        assertThat(holidays2026("ES")).containsExactly(dates("2026-01-01", "2026-01-06", "2026-04-03", "2026-05-01",
                "2026-08-15", "2026-10-12", "2026-11-01", "2026-12-06", "2026-12-08", "2026-12-25"));
    }

    @Test
    void belgium2026() {
        assertThat(holidays2026("BE")).containsExactly(dates("2026-01-01", "2026-04-06", "2026-05-01", "2026-05-14",
                "2026-05-25", "2026-07-21", "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25"));
    }

    @Test
    void ireland2026() {
        // St Brigid's Day: 1 February 2026 is a Sunday, so the first Monday, 2 February. No Good Friday.
        assertThat(holidays2026("IE")).containsExactly(dates("2026-01-01", "2026-02-02", "2026-03-17", "2026-04-06",
                "2026-05-04", "2026-06-01", "2026-08-03", "2026-10-26", "2026-12-25", "2026-12-26"));
        // 1 February 2030 is a Friday, which is then the holiday; before 2023 there was none.
        assertThat(CALENDARS.forState("IE").isPublicHoliday(LocalDate.parse("2030-02-01"))).isTrue();
        assertThat(CALENDARS.forState("IE").nationalHolidays(2022)).hasSize(9);
    }

    @Test
    void greece2026OnTheOrthodoxEaster() {
        assertThat(holidays2026("GR")).containsExactly(dates("2026-01-01", "2026-01-06", "2026-02-23", "2026-03-25",
                "2026-04-10", "2026-04-12", "2026-04-13", "2026-05-01", "2026-06-01", "2026-08-15", "2026-10-28",
                "2026-12-25", "2026-12-26"));
    }

    @Test
    void romania2026OnTheOrthodoxEaster() {
        // Whit Monday and Children's Day fall together on 1 June 2026.
        assertThat(holidays2026("RO")).containsExactly(dates("2026-01-01", "2026-01-02", "2026-01-06", "2026-01-07",
                "2026-01-24", "2026-04-10", "2026-04-12", "2026-04-13", "2026-05-01", "2026-05-31", "2026-06-01",
                "2026-08-15", "2026-11-30", "2026-12-01", "2026-12-25", "2026-12-26"));
    }

    @Test
    void bulgariaMovesAWeekendHolidayOtherThanEasterToTheNextWorkingDay() {
        // 24 May and 6 September 2026 are Sundays, 26 December a Saturday (after the 24th and 25th).
        assertThat(holidays2026("BG")).containsExactly(dates("2026-01-01", "2026-03-03", "2026-04-10", "2026-04-11",
                "2026-04-12", "2026-04-13", "2026-05-01", "2026-05-06", "2026-05-24", "2026-05-25", "2026-09-06",
                "2026-09-07", "2026-09-22", "2026-12-24", "2026-12-25", "2026-12-26", "2026-12-28"));
        // 2022: 24 (Sat), 25 (Sun) and 26 December (Mon): the 27th and 28th were days off.
        assertThat(CALENDARS.forState("BG").nationalHolidays(2022).keySet())
                .contains(dates("2022-12-26", "2022-12-27", "2022-12-28"));
    }

    @Test
    void latviaMovesMayFourthAndNovemberEighteenthOffTheWeekend() {
        WorkingCalendar latvia = CALENDARS.forState("LV");
        assertThat(latvia.isPublicHoliday(LocalDate.parse("2025-05-05"))).isTrue(); // 4 May 2025 a Sunday
        assertThat(latvia.isPublicHoliday(LocalDate.parse("2023-11-20"))).isTrue(); // 18 November 2023 a Saturday
        assertThat(latvia.isPublicHoliday(LocalDate.parse("2026-05-05"))).isFalse(); // 4 May 2026 a Monday
    }

    @Test
    void lawsThatEndedOrSuspendedHolidays() {
        WorkingCalendar slovakia = CALENDARS.forState("SK");
        assertThat(holidays2026("SK")).containsExactly(dates("2026-01-01", "2026-01-06", "2026-04-03", "2026-04-06",
                "2026-05-01", "2026-07-05", "2026-08-29", "2026-11-01", "2026-12-24", "2026-12-25", "2026-12-26"));
        assertThat(slovakia.isPublicHoliday(LocalDate.parse("2027-05-08"))).isTrue();
        assertThat(slovakia.isPublicHoliday(LocalDate.parse("2023-09-01"))).isTrue();
        WorkingCalendar denmark = CALENDARS.forState("DK");
        assertThat(denmark.isPublicHoliday(LocalDate.parse("2023-05-05"))).isTrue(); // Great Prayer Day 2023
        assertThat(denmark.isPublicHoliday(LocalDate.parse("2024-04-26"))).isFalse(); // abolished from 2024
    }

    @Test
    void allTwentySevenMemberStatesWithTheirZones() {
        assertThat(CALENDARS.states()).containsExactly("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI",
                "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");
        for (String state : CALENDARS.states()) {
            WorkingCalendar calendar = CALENDARS.forState(state);
            assertThat(calendar.nationalHolidays(2026)).as(state)
                    .containsKeys(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-25"));
        }
        assertThat(CALENDARS.forState("PT").zone()).isEqualTo(ZoneId.of("Europe/Lisbon"));
        assertThat(CALENDARS.forState("IE").zone()).isEqualTo(ZoneId.of("Europe/Dublin"));
        assertThat(CALENDARS.forState("FI").zone()).isEqualTo(ZoneId.of("Europe/Helsinki"));
        assertThat(CALENDARS.forState("AT").zone()).isEqualTo(ZoneId.of("Europe/Vienna"));
    }

    @Test
    void greeceIsGrAndElAlike() {
        assertThat(CALENDARS.forState("EL")).isSameAs(CALENDARS.forState("GR"));
        assertThat(CALENDARS.forState(" el ").state()).isEqualTo("GR");
    }

    @Test
    void anUnknownCodeIsNamed() {
        assertThatThrownBy(() -> CALENDARS.forState("CH")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'CH'");
        assertThatThrownBy(() -> WorkingCalendars.of(Map.of("UK", Set.of(LocalDate.parse("2026-01-02")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'UK'");
    }

    @Test
    void operatorsAddRegionalHolidaysAndDeclareDatesWorking() {
        LocalDate epiphanyInBavaria = LocalDate.parse("2026-01-06");
        WorkingCalendars configured = WorkingCalendars.of(Map.of("DE", Set.of(epiphanyInBavaria)));
        assertThat(CALENDARS.forState("DE").isWorkingDay(epiphanyInBavaria)).isTrue();
        assertThat(configured.forState("DE").isWorkingDay(epiphanyInBavaria)).isFalse();
        assertThat(configured.forState("DE").publicHolidays(2026)).containsKey(epiphanyInBavaria);
        assertThat(configured.forState("AT").isWorkingDay(LocalDate.parse("2026-01-07"))).isTrue();

        LocalDate whitMonday = LocalDate.parse("2026-05-25");
        WorkingCalendars corrected = CALENDARS.withWorkingDays(Map.of("FR", Set.of(whitMonday,
                LocalDate.parse("2026-05-23"))));
        assertThat(corrected.forState("FR").isWorkingDay(whitMonday)).isTrue();
        // A Saturday stays a Saturday (1182/71 Art 2(2) names it), whatever the configuration says.
        assertThat(corrected.forState("FR").isWorkingDay(LocalDate.parse("2026-05-23"))).isFalse();
    }

    @Test
    void finlandAndSwedenCountTheEvesOfMidsummerAndChristmas() {
        assertThat(CALENDARS.forState("FI").isWorkingDay(LocalDate.parse("2026-06-19"))).isFalse();
        assertThat(CALENDARS.forState("SE").isWorkingDay(LocalDate.parse("2026-12-24"))).isFalse();
        assertThat(CALENDARS.forState("SE").isWorkingDay(LocalDate.parse("2026-12-31"))).isFalse();
        assertThat(CALENDARS.forState("FI").isWorkingDay(LocalDate.parse("2026-12-31"))).isTrue();
    }
}
