package eu.lexbridge.tools.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a bench needs of the Prometheus text exposition format (version 0.0.4): the sum of a metric's samples whose
 * labels include the ones asked for, e.g. the heap used over all heap pools.
 */
public final class PrometheusText {

    private final String text;

    public PrometheusText(String text) {
        this.text = text;
    }

    /** @return the sum, or empty when no sample of {@code metric} carries all of {@code labels} */
    public Optional<Double> sum(String metric, Map<String, String> labels) {
        double sum = 0;
        boolean found = false;
        for (String line : text.split("\n")) {
            Sample sample = parse(line.strip());
            if (sample != null && sample.name().equals(metric)
                    && sample.labels().entrySet().containsAll(labels.entrySet())) {
                sum += sample.value();
                found = true;
            }
        }
        return found ? Optional.of(sum) : Optional.empty();
    }

    public Optional<Double> sum(String metric) {
        return sum(metric, Map.of());
    }

    record Sample(String name, Map<String, String> labels, double value) {
    }

    /** One sample line: {@code name{label="value",...} value [timestamp]}; null for comments and blank lines. */
    static Sample parse(String line) {
        if (line.isEmpty() || line.startsWith("#")) {
            return null;
        }
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException("not a Prometheus sample: " + line);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        String name;
        String rest;
        if (brace >= 0 && brace < space) {
            name = line.substring(0, brace);
            int end = labels(line, brace + 1, labels);
            rest = line.substring(end + 1).strip();
        } else {
            name = line.substring(0, space);
            rest = line.substring(space + 1).strip();
        }
        String value = rest.split(" ")[0];
        return new Sample(name, labels, number(value));
    }

    /** Reads {@code a="x",b="y"} up to the closing brace, escapes included; returns the brace's index. */
    private static int labels(String line, int from, Map<String, String> labels) {
        int i = from;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '}') {
                return i;
            }
            if (c == ',' || c == ' ') {
                i++;
                continue;
            }
            int equals = line.indexOf('=', i);
            if (equals < 0 || equals + 1 >= line.length() || line.charAt(equals + 1) != '"') {
                throw new IllegalArgumentException("not a Prometheus label list: " + line);
            }
            String key = line.substring(i, equals).strip();
            StringBuilder value = new StringBuilder();
            int j = equals + 2;
            while (j < line.length() && line.charAt(j) != '"') {
                if (line.charAt(j) == '\\' && j + 1 < line.length()) {
                    char escaped = line.charAt(++j);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(line.charAt(j));
                }
                j++;
            }
            if (j >= line.length()) {
                throw new IllegalArgumentException("unterminated label value: " + line);
            }
            labels.put(key, value.toString());
            i = j + 1;
        }
        throw new IllegalArgumentException("no closing brace: " + line);
    }

    private static double number(String value) {
        return switch (value) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(value);
        };
    }
}
