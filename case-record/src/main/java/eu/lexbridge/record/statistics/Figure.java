package eu.lexbridge.record.statistics;

import java.util.Objects;

/**
 * One figure of the yearly statistics (Reg (EU) 2023/1543 Art 28(2)), for one combination of its breakdown.
 *
 * @param statistic the point of Art 28(2): {@code a} to {@code j}
 * @param measure what is counted or averaged, e.g. {@code EPOC issued}, {@code fulfilled}
 * @param dataCategory the category of data asked for (Annex I Section F), or {@code all}
 * @param addressee the addressee (the order's final recipient), or {@code all}
 * @param emergency {@code yes}, {@code no} or {@code all}
 * @param value the count, or the average in hours
 * @param unit {@code count}, {@code hours} or {@code text}
 * @param text for a figure entered as words (costs, point j), else {@code null}
 */
public record Figure(String statistic, String measure, String dataCategory, String addressee, String emergency,
                     double value, String unit, String text) {
    public Figure {
        Objects.requireNonNull(statistic, "statistic");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(dataCategory, "dataCategory");
        Objects.requireNonNull(addressee, "addressee");
        Objects.requireNonNull(emergency, "emergency");
        Objects.requireNonNull(unit, "unit");
    }

    public static Figure count(String statistic, String measure, String category, String addressee, String emergency,
                               long count) {
        return new Figure(statistic, measure, category, addressee, emergency, count, "count", null);
    }
}
