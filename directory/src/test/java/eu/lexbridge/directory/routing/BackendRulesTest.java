package eu.lexbridge.directory.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import eu.lexbridge.core.message.ConnectorMessage;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BackendRulesTest {

    private static final String RULES = """
            # back-end  priority  condition
            court-a     10        equals(ServiceName, 'EPO')
            eurojust    20        startswith(FinalRecipient, 'eurojust::')

            registry    10        equals(Action, 'A')
            """;

    private final ConnectorMessage message = RuleFieldTest.message(); // EPO, action A, eurojust::desk-at

    @Test
    void theHighestPriorityThatMatchesWinsAndTheFirstGivenAmongEquals() {
        var rules = new BackendRules(BackendRules.parse(RULES));

        assertThat(rules.rules()).extracting(RoutingRule::backend).containsExactly("eurojust", "court-a", "registry");
        assertThat(rules.firstMatch(message)).map(RoutingRule::backend).contains("eurojust");
        var notEurojust = message.toBuilder().finalRecipient("court::1").build();
        assertThat(rules.firstMatch(notEurojust)).map(RoutingRule::backend).contains("court-a");
        var neither = notEurojust.toBuilder().service(new eu.lexbridge.core.message.BusinessService("X", "t"))
                .action("B").build();
        assertThat(rules.firstMatch(neither)).isEmpty();
    }

    @Test
    void theRulesInForceReadBackFromTheirText() {
        var rules = new BackendRules(BackendRules.parse(RULES));

        assertThat(rules.text()).isEqualTo("""
                eurojust 20 startswith(FinalRecipient, 'eurojust::')
                court-a 10 equals(ServiceName, 'EPO')
                registry 10 equals(Action, 'A')
                """);
        assertThat(BackendRules.parse(rules.text())).isEqualTo(rules.rules());
    }

    @Test
    void replaceInstallsTheNewRulesWhole() {
        var rules = new BackendRules(BackendRules.parse(RULES));

        var installed = rules.replace("eppo 5 startswith(FinalRecipient, 'eurojust')\n");

        assertThat(installed).containsExactly(RoutingRule.of("eppo", 5, "startswith(FinalRecipient, 'eurojust')"));
        assertThat(rules.rules()).isEqualTo(installed);
        assertThat(rules.firstMatch(message)).map(RoutingRule::backend).contains("eppo");
        assertThat(rules.replace("")).isEmpty();
        assertThat(rules.firstMatch(message)).isEmpty();
    }

    /** A set with one bad rule is refused with its line and column, and the rules in force stay as they were. */
    @Test
    void aBadRuleKeepsTheOldRules() {
        var rules = new BackendRules(BackendRules.parse(RULES));
        List<RoutingRule> before = rules.rules();

        assertThatThrownBy(() -> rules.replace("""
                eppo      30  equals(ServiceName, 'EPO')
                eurojust  20  startswith(FinalRecipent, 'eurojust::')
                """))
                .isInstanceOfSatisfying(RuleSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(26);
                    assertThat(e.getMessage()).startsWith("line 2, column 26: unknown field 'FinalRecipent'");
                });

        assertThat(rules.rules()).isSameAs(before);
        assertThat(rules.firstMatch(message)).map(RoutingRule::backend).contains("eurojust");
    }

    static Stream<Arguments> badLines() {
        return Stream.of(
                arguments("court-a", 1, 8, "the priority is missing after the back-end name; a rule is <back-end> "
                        + "<priority> <condition>"),
                arguments("court-a ten equals(Action, 'A')", 1, 9, "the priority must be a whole number of at most "
                        + "9 digits"),
                arguments("court-a 99999999999 equals(Action, 'A')", 1, 9, "the priority must be a whole number of "
                        + "at most 9 digits"),
                arguments("court-a 10", 1, 11, "the condition is empty; a condition starts with equals, startswith, "
                        + "not, &, | or '('"),
                arguments("court-a 10 equals(Action, 'A)", 1, 27, "the value opened by the quote at column 27 has "
                        + "no closing quote"),
                arguments("ok 1 equals(Action,'A')\n" + "x".repeat(101) + " 1 equals(Action,'A')", 2, 1,
                        "the back-end name is longer than 100 characters"),
                arguments("court\u0007a 10 equals(Action, 'A')", 1, 1, "the back-end name may not contain spaces or "
                        + "control characters"));
    }

    @ParameterizedTest
    @MethodSource("badLines")
    void aBadLineIsRefusedWithItsPosition(String text, int line, int column, String reason) {
        assertThatThrownBy(() -> BackendRules.parse(text)).isInstanceOfSatisfying(RuleSyntaxException.class, e -> {
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.column()).isEqualTo(column);
            assertThat(e.reason()).isEqualTo(reason);
        });
    }

    @Test
    void theNumberOfRulesAndTheLengthOfTheTextAreBounded() {
        String line = "court-a 1 equals(Action,'A')\n";

        assertThat(BackendRules.parse(line.repeat(BackendRules.MAX_RULES))).hasSize(BackendRules.MAX_RULES);
        assertThatThrownBy(() -> BackendRules.parse(line.repeat(BackendRules.MAX_RULES + 1)))
                .isInstanceOf(RuleSyntaxException.class)
                .hasMessage("line 1001, column 1: more than 1000 rules");
        assertThatThrownBy(() -> BackendRules.parse("#".repeat(BackendRules.MAX_TEXT_LENGTH + 1)))
                .isInstanceOf(RuleSyntaxException.class)
                .hasMessage("column 1: the rules are longer than 500000 characters");
    }

    /** Readers routing while the rules are replaced see the old set or the new one, never a mixture. */
    @Test
    void aMessageIsRoutedByOneWholeSetWhileRulesAreReplaced() throws Exception {
        var rules = new BackendRules(BackendRules.parse("a 1 equals(Action,'A')\na 1 equals(ServiceName,'EPO')"));
        var seen = new java.util.concurrent.ConcurrentLinkedQueue<Optional<String>>();
        Thread reader = new Thread(() -> {
            for (int i = 0; i < 20_000; i++) {
                seen.add(rules.firstMatch(message).map(RoutingRule::backend));
            }
        });
        reader.start();
        for (int i = 0; i < 2_000; i++) {
            rules.replace(i % 2 == 0 ? "b 1 equals(Action,'A')\nb 1 equals(ServiceName,'EPO')"
                    : "a 1 equals(Action,'A')\na 1 equals(ServiceName,'EPO')");
        }
        reader.join();

        assertThat(seen).hasSize(20_000).allSatisfy(b -> assertThat(b).isPresent().get().isIn("a", "b"));
    }
}
