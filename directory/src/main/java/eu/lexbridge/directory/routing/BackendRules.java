package eu.lexbridge.directory.routing;

import eu.lexbridge.core.message.ConnectorMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The routing rules in force, changeable while the connector runs. A new set is checked whole before it replaces the
 * old one: a set with one bad rule is refused and the rules in force stay as they were. A message is routed by one
 * consistent set, never by half of an old and half of a new one.
 *
 * <p>As text ({@link #replace(String)}), a set is one rule a line, {@code <back-end> <priority> <condition>}; blank
 * lines and lines starting with {@code #} are skipped:
 *
 * <pre>
 * # back-end  priority  condition
 * eurojust    20        startswith(FinalRecipient, 'eurojust::')
 * court-a     10        &amp;(equals(ServiceName, 'EPO'), not(equals(FromPartyId, 'DE')))
 * </pre>
 */
public final class BackendRules {

    public static final int MAX_RULES = 1000;
    /** Half the stored column (1,000,000 characters): the rules are stored as they are rendered, a little longer. */
    public static final int MAX_TEXT_LENGTH = 500_000;

    /** Higher priority first; among equal priorities the rule given first (a stable sort keeps it so). */
    private static final Comparator<RoutingRule> ORDER = Comparator.comparingInt(RoutingRule::priority).reversed();

    private final AtomicReference<List<RoutingRule>> current;

    public BackendRules(List<RoutingRule> rules) {
        this.current = new AtomicReference<>(ordered(rules));
    }

    public static BackendRules none() {
        return new BackendRules(List.of());
    }

    /** The rules in force, in the order they are tried. */
    public List<RoutingRule> rules() {
        return current.get();
    }

    /** The rules in force as text that {@link #replace(String)} reads back, e.g. for an operator to edit. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (RoutingRule rule : current.get()) {
            text.append(rule.backend()).append(' ').append(rule.priority()).append(' ')
                    .append(rule.condition().text()).append('\n');
        }
        return text.toString();
    }

    /** The rule that routes {@code message}: the first that matches, highest priority first. */
    public Optional<RoutingRule> firstMatch(ConnectorMessage message) {
        return current.get().stream().filter(rule -> rule.matches(message)).findFirst();
    }

    /** Puts {@code rules} in force at once. */
    public List<RoutingRule> replace(List<RoutingRule> rules) {
        List<RoutingRule> next = ordered(rules);
        current.set(next);
        return next;
    }

    /**
     * Reads a whole rule set from text and puts it in force; an empty text removes every rule.
     *
     * @return the rules now in force, in the order they are tried
     * @throws RuleSyntaxException naming the line and column of the first error; the rules in force are unchanged
     */
    public List<RoutingRule> replace(String rulesText) {
        return replace(parse(rulesText));
    }

    /**
     * Reads a rule set without putting it in force, e.g. to check it.
     *
     * @throws RuleSyntaxException naming the line and column of the first error
     */
    public static List<RoutingRule> parse(String rulesText) {
        if (rulesText == null) {
            throw new RuleSyntaxException(1, "the rules are missing");
        }
        if (rulesText.length() > MAX_TEXT_LENGTH) {
            throw new RuleSyntaxException(1, "the rules are longer than " + MAX_TEXT_LENGTH + " characters");
        }
        List<RoutingRule> rules = new ArrayList<>();
        String[] lines = rulesText.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (rules.size() == MAX_RULES) {
                throw new RuleSyntaxException(1, "more than " + MAX_RULES + " rules").onLine(i + 1, 0);
            }
            rules.add(rule(line, i + 1));
        }
        return rules;
    }

    private static RoutingRule rule(String line, int lineNumber) {
        int pos = skipSpace(line, 0);
        int backendStart = pos;
        pos = skipWord(line, pos);
        String backend = line.substring(backendStart, pos);
        String backendProblem = RoutingRule.backendProblem(backend);
        if (backendProblem != null) {
            throw new RuleSyntaxException(backendStart + 1, backendProblem).onLine(lineNumber, 0);
        }
        int priorityStart = skipSpace(line, pos);
        pos = skipWord(line, priorityStart);
        String priority = line.substring(priorityStart, pos);
        if (!priority.matches("-?[0-9]{1,9}")) {
            throw new RuleSyntaxException(priorityStart + 1, priority.isEmpty()
                    ? "the priority is missing after the back-end name; a rule is <back-end> <priority> <condition>"
                    : "the priority must be a whole number of at most 9 digits").onLine(lineNumber, 0);
        }
        try {
            return new RoutingRule(backend, Integer.parseInt(priority), ConditionParser.parse(line.substring(pos),
                    pos));
        } catch (RuleSyntaxException e) {
            throw e.onLine(lineNumber, 0);
        }
    }

    private static int skipSpace(String line, int from) {
        int pos = from;
        while (pos < line.length() && (line.charAt(pos) == ' ' || line.charAt(pos) == '\t')) {
            pos++;
        }
        return pos;
    }

    private static int skipWord(String line, int from) {
        int pos = from;
        while (pos < line.length() && line.charAt(pos) != ' ' && line.charAt(pos) != '\t') {
            pos++;
        }
        return pos;
    }

    private static List<RoutingRule> ordered(List<RoutingRule> rules) {
        if (rules.size() > MAX_RULES) {
            throw new IllegalArgumentException("more than " + MAX_RULES + " routing rules");
        }
        List<RoutingRule> sorted = new ArrayList<>(rules);
        sorted.sort(ORDER);
        return List.copyOf(sorted);
    }
}
