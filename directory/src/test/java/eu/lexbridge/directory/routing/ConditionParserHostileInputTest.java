package eu.lexbridge.directory.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever is typed into a rule, the parser either gives a condition that reads back the same or refuses it with a
 * column inside the text (or just past its end) and a sentence; it never fails in another way. Random texts are built
 * from the language's own pieces, so most get far into the grammar before they break.
 */
class ConditionParserHostileInputTest {

    private static final String[] PIECES = {"equals", "startswith", "not", "&", "|", "(", ")", ",", " ", "'",
            "'EPO'", "'eurojust::'", "ServiceName", "FinalRecipient", "Action", "FromPartyId", "Sender", "\t", "\\",
            "\u0000", "\n", "é", "\uD83D\uDE00", "EQUALS", "x", "''"};

    @Test
    void randomTextsParseOrAreRefusedWithAPositionInsideTheText() {
        Random random = new Random(20261205L); // fixed: a failure is repeatable
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int pieces = 1 + random.nextInt(40);
            for (int p = 0; p < pieces; p++) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            outcomeOf(text.toString());
        }
    }

    /** Random conditions written out and read back are the same conditions. */
    @Test
    void randomConditionsReadBackAsThemselves() {
        Random random = new Random(11L);
        for (int i = 0; i < 5_000; i++) {
            Condition condition = randomCondition(random, 1 + random.nextInt(6));
            assertThat(ConditionParser.parse(condition.text())).isEqualTo(condition);
        }
    }

    private static Condition randomCondition(Random random, int depth) {
        RuleField field = RuleField.values()[random.nextInt(RuleField.values().length)];
        String value = random.nextBoolean() ? "EPO" : "urn:e-codex:services: é::" + random.nextInt(100);
        if (depth <= 1) {
            return random.nextBoolean() ? new Condition.Equals(field, value) : new Condition.StartsWith(field, value);
        }
        return switch (random.nextInt(3)) {
            case 0 -> new Condition.And(randomCondition(random, depth - 1), randomCondition(random, depth - 1));
            case 1 -> new Condition.Or(randomCondition(random, depth - 1), randomCondition(random, depth - 1));
            default -> new Condition.Not(randomCondition(random, depth - 1));
        };
    }

    @Test
    void textsThatAreNearlyRightAreRefusedWithAPosition() {
        String valid = "&(|(equals(ServiceName, 'EPO'), startswith(FinalRecipient, 'eurojust::')), "
                + "not(equals(FromPartyId, 'DE')))";
        assertThat(outcomeOf(valid)).isTrue();
        for (int cut = 0; cut < valid.length(); cut++) {
            outcomeOf(valid.substring(0, cut)); // every prefix
            outcomeOf(valid.substring(0, cut) + valid.substring(cut + 1)); // one character dropped
            outcomeOf(valid.substring(0, cut) + "(" + valid.substring(cut)); // one parenthesis too many
        }
    }

    @Test
    void nestingAndLengthStayBoundedWhateverTheShape() {
        for (String opener : new String[] {"(", "not(", "&(", "|(", "&(equals(Action,'a'),"}) {
            assertThat(outcomeOf(opener.repeat(10_000))).isFalse();
            assertThat(outcomeOf(opener.repeat(ConditionParser.MAX_LENGTH / opener.length()))).isFalse();
        }
    }

    /** True when {@code text} parsed; otherwise checks the refusal's form. */
    private static boolean outcomeOf(String text) {
        try {
            Condition condition = ConditionParser.parse(text);
            assertThat(ConditionParser.parse(condition.text())).as(text).isEqualTo(condition);
            return true;
        } catch (RuleSyntaxException e) {
            assertThat(e.column()).as(text).isBetween(1, Math.min(text.length(), ConditionParser.MAX_LENGTH) + 1);
            assertThat(e.reason()).as(text).isNotBlank().doesNotContain("\n", "\u0000");
            return false;
        }
    }
}
