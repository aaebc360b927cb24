package eu.lexbridge.record.deadline;

import static eu.lexbridge.record.deadline.HolidayRule.easter;
import static eu.lexbridge.record.deadline.HolidayRule.firstWeekdayFrom;
import static eu.lexbridge.record.deadline.HolidayRule.fixed;
import static eu.lexbridge.record.deadline.HolidayRule.nthWeekday;
import static eu.lexbridge.record.deadline.HolidayRule.orthodoxEaster;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The nationwide public holidays and time zones of the 27 Member States, as their laws stood at the end of 2025.
 *
 * <p>Only nationwide holidays are here. Regional ones (German Länder, Spanish autonomous communities, Austrian Länder
 * patrons, Alsace-Moselle, Italian city patrons, Åland) and days a government declares off or
 * working year by year (bridge days in HU, LT, LV, SK, RO, BG; the Dutch days equated to holidays by royal decree under
 * the Algemene termijnenwet; Greece moving 1 May off Holy Week) are for the operator to add as extra holidays. Where
 * a law gives a nationwide substitute day, it is a rule here (BG: a holiday other than Easter on a weekend moves to
 * the next working days, Labour Code Art 154(2); LV: 4 May and 18 November on a weekend move to the next working day).
 * Ireland moves no public holiday: on a weekend the employee's entitlement changes (Organisation of Working Time Act
 * 1997 s. 21), the holiday stays; the Monday banks close is an extra date to configure where it matters. Feasts that
 * always fall on a Sunday (Easter Sunday, Whit Sunday, Mother's Day) are listed where the national law names them;
 * they change no count, a Sunday being no working day anyway. For time limits FI and SE treat Midsummer Eve and
 * Christmas Eve (SE also New Year's Eve) as holidays (FI Act 150/1930 s. 5, SE Act 1930:173), so they are here.
 */
final class MemberStateHolidays {

    private MemberStateHolidays() {
    }

    private static final HolidayRule NEW_YEAR = fixed("New Year's Day", 1, 1);
    private static final HolidayRule EPIPHANY = fixed("Epiphany", 1, 6);
    private static final HolidayRule MAUNDY_THURSDAY = easter("Maundy Thursday", -3);
    private static final HolidayRule GOOD_FRIDAY = easter("Good Friday", -2);
    private static final HolidayRule EASTER_SUNDAY = easter("Easter Sunday", 0);
    private static final HolidayRule EASTER_MONDAY = easter("Easter Monday", 1);
    private static final HolidayRule LABOUR_DAY = fixed("Labour Day", 5, 1);
    private static final HolidayRule ASCENSION = easter("Ascension Day", 39);
    private static final HolidayRule WHIT_SUNDAY = easter("Whit Sunday", 49);
    private static final HolidayRule WHIT_MONDAY = easter("Whit Monday", 50);
    private static final HolidayRule CORPUS_CHRISTI = easter("Corpus Christi", 60);
    private static final HolidayRule ASSUMPTION = fixed("Assumption Day", 8, 15);
    private static final HolidayRule ALL_SAINTS = fixed("All Saints' Day", 11, 1);
    private static final HolidayRule IMMACULATE_CONCEPTION = fixed("Immaculate Conception", 12, 8);
    private static final HolidayRule CHRISTMAS_EVE = fixed("Christmas Eve", 12, 24);
    private static final HolidayRule CHRISTMAS = fixed("Christmas Day", 12, 25);
    private static final HolidayRule SECOND_CHRISTMAS = fixed("St Stephen's Day / Second Day of Christmas", 12, 26);

    private static final HolidayRule ORTHODOX_GOOD_FRIDAY = orthodoxEaster("Good Friday (Orthodox)", -2);
    private static final HolidayRule ORTHODOX_EASTER_SUNDAY = orthodoxEaster("Easter Sunday (Orthodox)", 0);
    private static final HolidayRule ORTHODOX_EASTER_MONDAY = orthodoxEaster("Easter Monday (Orthodox)", 1);
    private static final HolidayRule ORTHODOX_CLEAN_MONDAY = orthodoxEaster("Clean Monday (Orthodox)", -48);
    private static final HolidayRule ORTHODOX_WHIT_MONDAY = orthodoxEaster("Whit Monday (Orthodox)", 50);

    /** The calendars by ISO 3166-1 alpha-2 code, Greece as GR. */
    static Map<String, WorkingCalendar> calendars() {
        Map<String, WorkingCalendar> all = new TreeMap<>();
        put(all, "AT", "Europe/Vienna", NEW_YEAR, EPIPHANY, EASTER_MONDAY, fixed("National Holiday (Staatsfeiertag)", 5,
                1), ASCENSION, WHIT_MONDAY, CORPUS_CHRISTI, ASSUMPTION, fixed("National Day", 10, 26), ALL_SAINTS,
                IMMACULATE_CONCEPTION, CHRISTMAS, SECOND_CHRISTMAS);
        put(all, "BE", "Europe/Brussels", NEW_YEAR, EASTER_MONDAY, LABOUR_DAY, ASCENSION, WHIT_MONDAY,
                fixed("National Day", 7, 21), ASSUMPTION, ALL_SAINTS, fixed("Armistice Day", 11, 11), CHRISTMAS);
        put(all, "BG", "Europe/Sofia", NEW_YEAR.substitutedOnWeekend(),
                fixed("Liberation Day", 3, 3).substitutedOnWeekend(), ORTHODOX_GOOD_FRIDAY,
                orthodoxEaster("Holy Saturday (Orthodox)", -1), ORTHODOX_EASTER_SUNDAY, ORTHODOX_EASTER_MONDAY,
                LABOUR_DAY.substitutedOnWeekend(), fixed("St George's Day", 5, 6).substitutedOnWeekend(),
                fixed("Day of Bulgarian Education and Culture", 5, 24).substitutedOnWeekend(),
                fixed("Unification Day", 9, 6).substitutedOnWeekend(),
                fixed("Independence Day", 9, 22).substitutedOnWeekend(), CHRISTMAS_EVE.substitutedOnWeekend(),
                CHRISTMAS.substitutedOnWeekend(), SECOND_CHRISTMAS.substitutedOnWeekend());
        // CY: the days the public service observes (Easter Tuesday and Christmas Eve included).
        put(all, "CY", "Asia/Nicosia", NEW_YEAR, EPIPHANY, ORTHODOX_CLEAN_MONDAY,
                fixed("Greek Independence Day", 3, 25), fixed("Cyprus National Day", 4, 1), ORTHODOX_GOOD_FRIDAY,
                ORTHODOX_EASTER_SUNDAY, ORTHODOX_EASTER_MONDAY, orthodoxEaster("Easter Tuesday (Orthodox)", 2),
                LABOUR_DAY, orthodoxEaster("Kataklysmos (Whit Monday, Orthodox)", 50), ASSUMPTION,
                fixed("Independence Day", 10, 1), fixed("Ochi Day", 10, 28), CHRISTMAS_EVE, CHRISTMAS,
                SECOND_CHRISTMAS);
        put(all, "CZ", "Europe/Prague", NEW_YEAR, GOOD_FRIDAY, EASTER_MONDAY, LABOUR_DAY,
                fixed("Liberation Day", 5, 8), fixed("Saints Cyril and Methodius Day", 7, 5),
                fixed("Jan Hus Day", 7, 6), fixed("Czech Statehood Day", 9, 28),
                fixed("Independent Czechoslovak State Day", 10, 28),
                fixed("Struggle for Freedom and Democracy Day", 11, 17), CHRISTMAS_EVE, CHRISTMAS, SECOND_CHRISTMAS);
        put(all, "DE", "Europe/Berlin", NEW_YEAR, GOOD_FRIDAY, EASTER_MONDAY, LABOUR_DAY, ASCENSION, WHIT_MONDAY,
                fixed("Day of German Unity", 10, 3), CHRISTMAS, SECOND_CHRISTMAS);
        // DK: Great Prayer Day was abolished from 2024; Constitution Day (5 June) is no statutory holiday.
        put(all, "DK", "Europe/Copenhagen", NEW_YEAR, MAUNDY_THURSDAY, GOOD_FRIDAY, EASTER_SUNDAY, EASTER_MONDAY,
                easter("Great Prayer Day", 26).until(2023), ASCENSION, WHIT_SUNDAY, WHIT_MONDAY, CHRISTMAS,
                SECOND_CHRISTMAS);
        put(all, "EE", "Europe/Tallinn", NEW_YEAR, fixed("Independence Day", 2, 24), GOOD_FRIDAY, EASTER_SUNDAY,
                fixed("Spring Day", 5, 1), WHIT_SUNDAY, fixed("Victory Day", 6, 23), fixed("Midsummer Day", 6, 24),
                fixed("Day of Restoration of Independence", 8, 20), CHRISTMAS_EVE, CHRISTMAS, SECOND_CHRISTMAS);
        // ES: Maundy Thursday and the Monday after a Sunday holiday are set by each autonomous community.
        put(all, "ES", "Europe/Madrid", NEW_YEAR, EPIPHANY, GOOD_FRIDAY, LABOUR_DAY, ASSUMPTION,
                fixed("National Day of Spain", 10, 12), ALL_SAINTS, fixed("Constitution Day", 12, 6),
                IMMACULATE_CONCEPTION, CHRISTMAS);
        put(all, "FI", "Europe/Helsinki", NEW_YEAR, EPIPHANY, GOOD_FRIDAY, EASTER_SUNDAY, EASTER_MONDAY,
                fixed("May Day", 5, 1), ASCENSION, WHIT_SUNDAY,
                firstWeekdayFrom("Midsummer Eve", 6, 19, DayOfWeek.FRIDAY),
                firstWeekdayFrom("Midsummer Day", 6, 20, DayOfWeek.SATURDAY),
                firstWeekdayFrom("All Saints' Day", 10, 31, DayOfWeek.SATURDAY), fixed("Independence Day", 12, 6),
                CHRISTMAS_EVE, CHRISTMAS, SECOND_CHRISTMAS);
        put(all, "FR", "Europe/Paris", NEW_YEAR, EASTER_MONDAY, LABOUR_DAY, fixed("Victory in Europe Day", 5, 8),
                ASCENSION, WHIT_MONDAY, fixed("Bastille Day", 7, 14), ASSUMPTION, ALL_SAINTS,
                fixed("Armistice Day", 11, 11), CHRISTMAS);
        put(all, "GR", "Europe/Athens", NEW_YEAR, EPIPHANY, ORTHODOX_CLEAN_MONDAY, fixed("Independence Day", 3, 25),
                ORTHODOX_GOOD_FRIDAY, ORTHODOX_EASTER_SUNDAY, ORTHODOX_EASTER_MONDAY, LABOUR_DAY,
                orthodoxEaster("Whit Monday (Holy Spirit Day, Orthodox)", 50), ASSUMPTION, fixed("Ochi Day", 10, 28),
                CHRISTMAS, SECOND_CHRISTMAS);
        // HR: the 2019 Holidays Act (from 2020) moved Statehood Day to 30 May, dropped 8 October, added 18 November.
        put(all, "HR", "Europe/Zagreb", NEW_YEAR, EPIPHANY, EASTER_SUNDAY, EASTER_MONDAY, LABOUR_DAY,
                fixed("Statehood Day", 5, 30).from(2020), fixed("Statehood Day", 6, 25).until(2019),
                fixed("Anti-Fascist Struggle Day", 6, 22), CORPUS_CHRISTI,
                fixed("Victory and Homeland Thanksgiving Day", 8, 5), ASSUMPTION,
                fixed("Independence Day", 10, 8).until(2019), ALL_SAINTS, fixed("Remembrance Day", 11, 18).from(2020),
                CHRISTMAS, SECOND_CHRISTMAS);
        put(all, "HU", "Europe/Budapest", NEW_YEAR, fixed("National Day", 3, 15), GOOD_FRIDAY.from(2017),
                EASTER_SUNDAY, EASTER_MONDAY, LABOUR_DAY, WHIT_SUNDAY, WHIT_MONDAY, fixed("State Foundation Day", 8, 20),
                fixed("National Day", 10, 23), ALL_SAINTS, CHRISTMAS, SECOND_CHRISTMAS);
        put(all, "IE", "Europe/Dublin", NEW_YEAR, HolidayRule.computed("St Brigid's Day", MemberStateHolidays::brigid)
                        .from(2023), fixed("St Patrick's Day", 3, 17), EASTER_MONDAY,
                nthWeekday("May Bank Holiday", 5, 1, DayOfWeek.MONDAY),
                nthWeekday("June Bank Holiday", 6, 1, DayOfWeek.MONDAY),
                nthWeekday("August Bank Holiday", 8, 1, DayOfWeek.MONDAY),
                nthWeekday("October Bank Holiday", 10, -1, DayOfWeek.MONDAY), CHRISTMAS,
                fixed("St Stephen's Day", 12, 26));
        // IT: 4 October (St Francis) is a national holiday again from 2026 (law approved in October 2025).
        put(all, "IT", "Europe/Rome", NEW_YEAR, EPIPHANY, EASTER_SUNDAY, EASTER_MONDAY, fixed("Liberation Day", 4, 25),
                LABOUR_DAY, fixed("Republic Day", 6, 2), ASSUMPTION, fixed("St Francis of Assisi", 10, 4).from(2026),
                ALL_SAINTS, IMMACULATE_CONCEPTION, CHRISTMAS, SECOND_CHRISTMAS);
        put(all, "LT", "Europe/Vilnius", NEW_YEAR, fixed("Day of Restoration of the State", 2, 16),
                fixed("Day of Restoration of Independence", 3, 11), EASTER_SUNDAY, EASTER_MONDAY, LABOUR_DAY,
                nthWeekday("Mother's Day", 5, 1, DayOfWeek.SUNDAY), nthWeekday("Father's Day", 6, 1, DayOfWeek.SUNDAY),
                fixed("St John's Day", 6, 24), fixed("Statehood Day", 7, 6), ASSUMPTION, ALL_SAINTS,
                fixed("All Souls' Day", 11, 2).from(2020), CHRISTMAS_EVE, CHRISTMAS, SECOND_CHRISTMAS);
        put(all, "LU", "Europe/Luxembourg", NEW_YEAR, EASTER_MONDAY, LABOUR_DAY, fixed("Europe Day", 5, 9).from(2019),
                ASCENSION, WHIT_MONDAY, fixed("National Day", 6, 23), ASSUMPTION, ALL_SAINTS, CHRISTMAS,
                SECOND_CHRISTMAS);
        put(all, "LV", "Europe/Riga", NEW_YEAR, GOOD_FRIDAY, EASTER_SUNDAY, EASTER_MONDAY, LABOUR_DAY,
                fixed("Restoration of Independence Day", 5, 4).substitutedOnWeekend(), WHIT_SUNDAY,
                fixed("Līgo Day", 6, 23), fixed("Jāņi (Midsummer Day)", 6, 24),
                fixed("Proclamation Day", 11, 18).substitutedOnWeekend(), CHRISTMAS_EVE, CHRISTMAS, SECOND_CHRISTMAS,
                fixed("New Year's Eve", 12, 31));
        put(all, "MT", "Europe/Malta", NEW_YEAR, fixed("St Paul's Shipwreck", 2, 10), fixed("St Joseph's Day", 3, 19),
                fixed("Freedom Day", 3, 31), GOOD_FRIDAY, fixed("Workers' Day", 5, 1), fixed("Sette Giugno", 6, 7),
                fixed("St Peter and St Paul", 6, 29), ASSUMPTION, fixed("Victory Day", 9, 8),
                fixed("Independence Day", 9, 21), IMMACULATE_CONCEPTION, fixed("Republic Day", 12, 13), CHRISTMAS);
        // NL: the days of the Algemene termijnenwet Art 3(1) and (2), Good Friday included.
        put(all, "NL", "Europe/Amsterdam", NEW_YEAR, GOOD_FRIDAY, EASTER_MONDAY,
                HolidayRule.computed("King's Day", MemberStateHolidays::kingsDay).from(2014),
                fixed("Liberation Day", 5, 5), ASCENSION, WHIT_MONDAY, CHRISTMAS, SECOND_CHRISTMAS);
        put(all, "PL", "Europe/Warsaw", NEW_YEAR, EPIPHANY.from(2011), EASTER_SUNDAY, EASTER_MONDAY,
                fixed("State Holiday", 5, 1), fixed("Constitution Day", 5, 3), WHIT_SUNDAY, CORPUS_CHRISTI,
                ASSUMPTION, ALL_SAINTS, fixed("Independence Day", 11, 11), CHRISTMAS_EVE.from(2025), CHRISTMAS,
                SECOND_CHRISTMAS);
        put(all, "PT", "Europe/Lisbon", NEW_YEAR, GOOD_FRIDAY, EASTER_SUNDAY, fixed("Freedom Day", 4, 25), LABOUR_DAY,
                CORPUS_CHRISTI, fixed("Portugal Day", 6, 10), ASSUMPTION, fixed("Republic Day", 10, 5), ALL_SAINTS,
                fixed("Restoration of Independence", 12, 1), IMMACULATE_CONCEPTION, CHRISTMAS);
        put(all, "RO", "Europe/Bucharest", NEW_YEAR, fixed("Day after New Year's Day", 1, 2),
                EPIPHANY.from(2024), fixed("St John the Baptist", 1, 7).from(2024),
                fixed("Union of the Romanian Principalities", 1, 24), ORTHODOX_GOOD_FRIDAY.from(2018),
                ORTHODOX_EASTER_SUNDAY, ORTHODOX_EASTER_MONDAY, LABOUR_DAY, fixed("Children's Day", 6, 1).from(2017),
                orthodoxEaster("Whit Sunday (Orthodox)", 49), ORTHODOX_WHIT_MONDAY, ASSUMPTION,
                fixed("St Andrew's Day", 11, 30), fixed("National Day", 12, 1), CHRISTMAS, SECOND_CHRISTMAS);
        put(all, "SE", "Europe/Stockholm", NEW_YEAR, EPIPHANY, GOOD_FRIDAY, EASTER_SUNDAY, EASTER_MONDAY, LABOUR_DAY,
                ASCENSION, WHIT_SUNDAY, fixed("National Day", 6, 6),
                firstWeekdayFrom("Midsummer Eve", 6, 19, DayOfWeek.FRIDAY),
                firstWeekdayFrom("Midsummer Day", 6, 20, DayOfWeek.SATURDAY),
                firstWeekdayFrom("All Saints' Day", 10, 31, DayOfWeek.SATURDAY), CHRISTMAS_EVE, CHRISTMAS,
                SECOND_CHRISTMAS, fixed("New Year's Eve", 12, 31));
        put(all, "SI", "Europe/Ljubljana", NEW_YEAR, fixed("New Year (second day)", 1, 2),
                fixed("Prešeren Day", 2, 8), EASTER_SUNDAY, EASTER_MONDAY, fixed("Day of Uprising Against Occupation",
                4, 27), LABOUR_DAY, fixed("Labour Day (second day)", 5, 2), WHIT_SUNDAY, fixed("Statehood Day", 6, 25),
                ASSUMPTION, fixed("Reformation Day", 10, 31), ALL_SAINTS, CHRISTMAS,
                fixed("Independence and Unity Day", 12, 26));
        // SK: days of rest. The consolidation laws ended 1 September (from 2024) and 17 November (from 2025) as days
        // of rest, and suspended 8 May and 15 September for 2026 only.
        put(all, "SK", "Europe/Bratislava", NEW_YEAR, EPIPHANY, GOOD_FRIDAY, EASTER_MONDAY, LABOUR_DAY,
                fixed("Victory over Fascism Day", 5, 8).except(2026), fixed("Saints Cyril and Methodius Day", 7, 5),
                fixed("Slovak National Uprising Anniversary", 8, 29), fixed("Constitution Day", 9, 1).until(2023),
                fixed("Our Lady of Seven Sorrows", 9, 15).except(2026), ALL_SAINTS,
                fixed("Struggle for Freedom and Democracy Day", 11, 17).until(2024), CHRISTMAS_EVE, CHRISTMAS,
                SECOND_CHRISTMAS);
        return Map.copyOf(all);
    }

    private static void put(Map<String, WorkingCalendar> all, String state, String zone, HolidayRule... rules) {
        all.put(state, WorkingCalendar.of(state, ZoneId.of(zone), List.of(rules)));
    }

    /** IE from 2023: the first Monday in February, or 1 February itself when that is a Friday. */
    private static LocalDate brigid(int year) {
        LocalDate first = LocalDate.of(year, 2, 1);
        return first.getDayOfWeek() == DayOfWeek.FRIDAY ? first
                : first.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    }

    /** NL from 2014 (Wet Koningsdag): 27 April, or 26 April when the 27th is a Sunday. */
    private static LocalDate kingsDay(int year) {
        LocalDate day = LocalDate.of(year, 4, 27);
        return day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.minusDays(1) : day;
    }
}
