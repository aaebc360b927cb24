package eu.lexbridge.record.deadline;

import java.time.LocalDate;

/**
 * Easter Sunday, on which the movable feasts of the national calendars hang: the Gregorian (western) date for the
 * Catholic and Protestant states, the Orthodox date (Julian computus, given as a Gregorian date) for Greece, Cyprus,
 * Romania and Bulgaria.
 */
public final class Easter {

    /** The Gregorian computus holds from its introduction; the Julian-to-Gregorian offset below holds until 4099. */
    static final int FIRST_YEAR = 1583;
    static final int LAST_YEAR = 4099;

    private Easter() {
    }

    /** Western Easter Sunday: the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    public static LocalDate western(int year) {
        checkYear(year);
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    /**
     * Orthodox Easter Sunday as a Gregorian date: Meeus's Julian algorithm, then the calendars' difference (13 days
     * from 1900 to 2099). Easter falls after 29 February, so that year's difference applies.
     */
    public static LocalDate orthodox(int year) {
        checkYear(year);
        int a = year % 4;
        int b = year % 7;
        int c = year % 19;
        int d = (19 * c + 15) % 30;
        int e = (2 * a + 4 * b - d + 34) % 7;
        int month = (d + e + 114) / 31;
        int day = (d + e + 114) % 31 + 1;
        int julianToGregorian = year / 100 - year / 400 - 2;
        // The Julian date lies between 22 March and 25 April, a valid date in either calendar.
        return LocalDate.of(year, month, day).plusDays(julianToGregorian);
    }

    private static void checkYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("Easter is computed for the years " + FIRST_YEAR + " to " + LAST_YEAR
                    + ", not for " + year + ".");
        }
    }
}
