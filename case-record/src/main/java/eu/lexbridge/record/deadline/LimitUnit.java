package eu.lexbridge.record.deadline;

/** The unit a time limit is expressed in; Regulation (EEC, Euratom) No 1182/71 counts each differently. */
public enum LimitUnit {

    /** Elapsed hours; never extended over a weekend or holiday (Art 3(4) of 1182/71 excludes periods in hours). */
    HOURS,

    /** Days including Saturdays, Sundays and public holidays (Art 3(3)), extended if the last day is none of them. */
    CALENDAR_DAYS,

    /** Days other than Saturdays, Sundays and the public holidays of the applicable calendar (Art 2(2)). */
    WORKING_DAYS
}
