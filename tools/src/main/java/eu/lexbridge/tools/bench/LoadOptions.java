package eu.lexbridge.tools.bench;

import eu.lexbridge.core.flow.DocumentPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one {@code lexbridge bench load} run does. Closed loop ({@code inFlight} messages at a time, {@code messages}
 * in all) unless a {@code rate} is given: then open loop, {@code rate} submissions a second for {@code duration},
 * whatever the connectors answer.
 *
 * @param warmUp messages sent first, closed loop, and left out of every figure (JIT, connection pools, caches)
 * @param consumers threads of the receiving back-end that fetch and acknowledge
 * @param timeout how long to wait for the connectors to start, and for the last message's DELIVERY
 * @param jvmOptions the JVM options of the connectors and of the baseline's AS4 peers alike
 */
public record LoadOptions(Path dir, Integer inFlight, Integer messages, Double rate, Duration duration, int warmUp,
                          int contentBytes, int documentBytes, DocumentPolicy policy, boolean baseline,
                          Path json, int consumers, Duration timeout, List<String> jvmOptions) {

    public static final int DEFAULT_IN_FLIGHT = 8;
    public static final int DEFAULT_MESSAGES = 200;
    /** A PDF smaller than this is mostly its own structure. */
    static final int MIN_DOCUMENT_BYTES = 2048;

    public LoadOptions {
        jvmOptions = List.copyOf(jvmOptions);
    }

    public boolean openLoop() {
        return rate != null;
    }

    /** The messages measured: {@code messages} closed loop, rate × duration open loop. */
    public int measuredMessages() {
        if (openLoop()) {
            return (int) Math.round(rate * duration.toMillis() / 1000.0);
        }
        return messages != null ? messages : DEFAULT_MESSAGES;
    }

    public int effectiveInFlight() {
        return inFlight != null ? inFlight : DEFAULT_IN_FLIGHT;
    }

    /** Everything wrong with these options, in words a user can act on; empty when the run can start. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (openLoop()) {
            if (inFlight != null || messages != null) {
                problems.add("--rate (open loop) and --in-flight/--messages (closed loop) exclude each other");
            }
            if (!(rate > 0) || rate.isInfinite()) {
                problems.add("--rate must be a positive number of messages a second, was " + rate);
            }
            if (duration == null) {
                problems.add("--rate needs --duration, e.g. --duration 60s");
            } else if (duration.isNegative() || duration.isZero()) {
                problems.add("--duration must be positive, was " + duration);
            } else if (rate > 0 && measuredMessages() < 1) {
                problems.add("--rate × --duration sends no message at all");
            }
        } else {
            if (duration != null) {
                problems.add("--duration goes with --rate (open loop); closed loop counts --messages");
            }
            if (inFlight != null && inFlight < 1) {
                problems.add("--in-flight must be at least 1, was " + inFlight);
            }
            if (messages != null && messages < 1) {
                problems.add("--messages must be at least 1, was " + messages);
            }
        }
        if (warmUp < 0) {
            problems.add("--warm-up must not be negative, was " + warmUp);
        }
        if (contentBytes < 1) {
            problems.add("--content-size must be at least 1 byte, was " + contentBytes);
        }
        if (documentBytes < MIN_DOCUMENT_BYTES) {
            problems.add("--document-size must be at least " + MIN_DOCUMENT_BYTES + " bytes (a PDF), was "
                    + documentBytes);
        }
        if (consumers < 1) {
            problems.add("--consumers must be at least 1, was " + consumers);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            problems.add("--timeout must be positive, was " + timeout);
        }
        return problems;
    }

    /** {@code 20}, {@code 20/s} or {@code 2.5/s}: messages a second. */
    public static double parseRate(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.endsWith("/s")) {
            value = value.substring(0, value.length() - 2).strip();
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a rate is messages a second, e.g. 20/s; not '" + text + "'");
        }
    }

    /** {@code 90s}, {@code 5m}, {@code 1h}, {@code 500ms} or ISO-8601 ({@code PT90S}). */
    /** JVM options written as one string, e.g. {@code "-Xmx512m -XX:+UseSerialGC"}. */
    public static List<String> parseJvmOptions(String text) {
        return java.util.Arrays.stream(text.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    public static Duration parseDuration(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (value.startsWith("pt")) {
                return Duration.parse(value);
            }
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            long amount = Long.parseLong(value.substring(0, value.length() - 1));
            return switch (value.charAt(value.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> throw new IllegalArgumentException();
            };
        } catch (IllegalArgumentException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("a duration is e.g. 90s, 5m, 500ms or PT90S; not '" + text + "'");
        }
    }

    /** {@code 10KB}, {@code 100KB}, {@code 1MB} or bytes; KB and MB are 1024-based. */
    public static int parseSize(String text) {
        String value = text.strip().toUpperCase(Locale.ROOT);
        try {
            if (value.endsWith("KB")) {
                return Math.multiplyExact(Integer.parseInt(value.substring(0, value.length() - 2).strip()), 1024);
            }
            if (value.endsWith("MB")) {
                return Math.multiplyExact(Integer.parseInt(value.substring(0, value.length() - 2).strip()),
                        1024 * 1024);
            }
            if (value.endsWith("B")) {
                value = value.substring(0, value.length() - 1).strip();
            }
            return Integer.parseInt(value);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("a size is e.g. 10KB, 1MB or 2048; not '" + text + "'");
        }
    }
}
