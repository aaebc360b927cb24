package eu.lexbridge.record.statistics;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The statistics of one year, as computed at {@code generatedAt}.
 *
 * @param conversations how many conversations of the year were looked at
 * @param truncated more conversations than can be looked at in one report were active: the figures are a part
 */
public record StatisticsReport(int year, Instant generatedAt, int conversations, boolean truncated,
                               List<Figure> figures) {

    public StatisticsReport {
        figures = List.copyOf(figures);
    }

    /** As CSV (RFC 4180): a header, then one line per figure; every text field quoted. */
    public String csv() {
        StringBuilder csv = new StringBuilder(
                "year,statistic,measure,data_category,addressee,emergency,value,unit,text\r\n");
        for (Figure f : figures) {
            csv.append(year).append(',').append(quoted(f.statistic())).append(',').append(quoted(f.measure()))
                    .append(',').append(quoted(f.dataCategory())).append(',').append(quoted(f.addressee()))
                    .append(',').append(quoted(f.emergency())).append(',')
                    .append(f.unit().equals("hours") ? String.format(Locale.ROOT, "%.2f", f.value())
                            : String.valueOf((long) f.value()))
                    .append(',').append(quoted(f.unit())).append(',').append(f.text() == null ? "" : quoted(f.text()))
                    .append("\r\n");
        }
        return csv.toString();
    }

    /**
     * A field in quotes, a quote doubled; a leading {@code = + - @} is kept from a spreadsheet's formula reading by a
     * leading apostrophe (the values come from messages and operators).
     */
    private static String quoted(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return '"' + safe.replace("\"", "\"\"") + '"';
    }
}
