package eu.lexbridge.record.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of Art 28(2) no message carries, entered by hand for a year: (h) legal remedies used against orders, by
 * data category; (i) cases where ex-post validation (Art 4(5)) was refused; (j) an overview of the costs claimed by
 * providers and reimbursed (Art 14).
 *
 * @param remedies legal remedies by data category
 * @param expostValidationRefused the count, or {@code null} when not entered
 * @param costs the overview in words, or {@code null}
 */
public record ManualFigures(Map<String, Long> remedies, Long expostValidationRefused, String costs) {

    public static final ManualFigures NONE = new ManualFigures(Map.of(), null, null);

    public ManualFigures {
        remedies = Map.copyOf(new TreeMap<>(remedies));
        if (remedies.values().stream().anyMatch(count -> count < 0)
                || expostValidationRefused != null && expostValidationRefused < 0) {
            throw new IllegalArgumentException("a count is never negative");
        }
    }

    List<Figure> figures() {
        List<Figure> figures = new ArrayList<>();
        new TreeMap<>(remedies).forEach((category, count) -> figures.add(Figure.count("h",
                "legal remedies used against EPOs (entered)", category, "all", "all", count)));
        if (expostValidationRefused != null) {
            figures.add(Figure.count("i", "ex-post validation refused (entered)", "all", "all", "all",
                    expostValidationRefused));
        }
        if (costs != null) {
            figures.add(new Figure("j", "costs claimed and reimbursed (entered)", "all", "all", "all", 0, "text",
                    costs));
        }
        return figures;
    }
}
