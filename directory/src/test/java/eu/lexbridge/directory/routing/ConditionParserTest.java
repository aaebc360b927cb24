package eu.lexbridge.directory.routing;

import static eu.lexbridge.directory.routing.RuleField.ACTION;
import static eu.lexbridge.directory.routing.RuleField.FINAL_RECIPIENT;
import static eu.lexbridge.directory.routing.RuleField.FROM_PARTY_ID;
import static eu.lexbridge.directory.routing.RuleField.FROM_PARTY_ID_TYPE;
import static eu.lexbridge.directory.routing.RuleField.FROM_PARTY_ROLE;
import static eu.lexbridge.directory.routing.RuleField.SERVICE_NAME;
import static eu.lexbridge.directory.routing.RuleField.SERVICE_TYPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import eu.lexbridge.directory.routing.Condition.And;
import eu.lexbridge.directory.routing.Condition.Equals;
import eu.lexbridge.directory.routing.Condition.Not;
import eu.lexbridge.directory.routing.Condition.Or;
import eu.lexbridge.directory.routing.Condition.StartsWith;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConditionParserTest {

    private static final Equals A = new Equals(ACTION, "A");
    private static final Equals B = new Equals(ACTION, "B");
    private static final Equals C = new Equals(ACTION, "C");

    static Stream<Arguments> accepted() {
        return Stream.of(
                arguments("equals(ServiceName, 'EPO')", new Equals(SERVICE_NAME, "EPO")),
                arguments("startswith(FinalRecipient,'eurojust::')", new StartsWith(FINAL_RECIPIENT, "eurojust::")),
                // as the official connector's own tests write them
                arguments("&(equals(ServiceName, 'Connector-TEST'),equals(ServiceType, 'urn:e-codex:services:'))",
                        new And(new Equals(SERVICE_NAME, "Connector-TEST"),
                                new Equals(SERVICE_TYPE, "urn:e-codex:services:"))),
                arguments("&(&(equals(Action, 'ConTest_Form'), equals(ServiceName, 'Connector-TEST')), "
                                + "equals(ServiceType, 'urn:e-codex:services:'))",
                        new And(new And(new Equals(ACTION, "ConTest_Form"), new Equals(SERVICE_NAME, "Connector-TEST")),
                                new Equals(SERVICE_TYPE, "urn:e-codex:services:"))),
                arguments("|(equals(FromPartyId,'DE'),not(equals(FromPartyRole,'GW')))",
                        new Or(new Equals(FROM_PARTY_ID, "DE"), new Not(new Equals(FROM_PARTY_ROLE, "GW")))),
                arguments("not(not(equals(Action,'A')))", new Not(new Not(A))),
                // infix, ours: & binds closer than |, parentheses group
                arguments("equals(Action,'A') & equals(Action,'B') | equals(Action,'C')", new Or(new And(A, B), C)),
                arguments("equals(Action,'A') | equals(Action,'B') & equals(Action,'C')", new Or(A, new And(B, C))),
                arguments("equals(Action,'A') & (equals(Action,'B') | equals(Action,'C'))", new And(A, new Or(B, C))),
                arguments("equals(Action,'A') & &(equals(Action,'B'), equals(Action,'C'))", new And(A, new And(B, C))),
                arguments("((equals(Action,'A')))", A),
                // case of keywords and fields is free; values are kept exactly
                arguments("EQUALS(serviceNAME, 'Epo')", new Equals(SERVICE_NAME, "Epo")),
                arguments("StartsWith(FROMPARTYIDTYPE, 'urn:oasis:')", new StartsWith(FROM_PARTY_ID_TYPE, "urn:oasis:")),
                arguments("equals(FromPartyIdType, '')", new Equals(FROM_PARTY_ID_TYPE, "")),
                arguments(" \tequals ( Action , 'a b' )  ", new Equals(ACTION, "a b")),
                arguments("equals(FinalRecipient, 'EPPO::été')", new Equals(FINAL_RECIPIENT, "EPPO::été")));
    }

    @ParameterizedTest
    @MethodSource("accepted")
    void parses(String text, Condition expected) {
        Condition parsed = ConditionParser.parse(text);

        assertThat(parsed).isEqualTo(expected);
        assertThat(ConditionParser.parse(parsed.text())).as("its text reads back the same").isEqualTo(parsed);
    }

    static Stream<Arguments> refused() {
        String deep33 = "(".repeat(33) + "equals(Action,'A')" + ")".repeat(33);
        String notDeep33 = "not(".repeat(33) + "equals(Action,'A')" + ")".repeat(33);
        String tooLong = "equals(Action, '" + "a".repeat(5000) + "')";
        return Stream.of(
                arguments("", 1, "the condition is empty; a condition starts with equals, startswith, not, &, | or '('"),
                arguments("   ", 4, "the condition is empty; a condition starts with equals, startswith, not, &, | "
                        + "or '('"),
                arguments("equals(Service, 'x')", 8, "unknown field 'Service'; a field is one of ServiceType, "
                        + "ServiceName, FinalRecipient, Action, FromPartyId, FromPartyRole, FromPartyIdType"),
                arguments("equals(ServiceName, 'EPO)", 21, "the value opened by the quote at column 21 has no "
                        + "closing quote"),
                arguments("equals(ServiceName 'EPO')", 20, "expected ',' after the field name, found '''"),
                arguments("equals(ServiceName, EPO)", 21, "found 'E' where a value in single quotes was expected"),
                arguments("equals(, 'x')", 8, "found ',' where a field name was expected; a field is one of "
                        + "ServiceType, ServiceName, FinalRecipient, Action, FromPartyId, FromPartyRole, "
                        + "FromPartyIdType"),
                arguments("contains(Action, 'a')", 1, "unknown operator 'contains'; a condition starts with equals, "
                        + "startswith, not, &, | or '('"),
                arguments("&(equals(Action,'a'))", 21, "expected ',' between the two conditions of the '&' at "
                        + "column 1, found ')'"),
                arguments("equals(Action,'a') extra", 20, "unexpected 'e' after the end of the condition"),
                arguments("equals(Action,'a'))", 19, "unexpected ')' after the end of the condition"),
                arguments("equals(Action,'a|b')", 17, "a value may not contain '|' (nor any of \\ | & ( ) or a "
                        + "control character)"),
                arguments("equals(Action,'a\\b')", 17, "a value may not contain '\\' (nor any of \\ | & ( ) or a "
                        + "control character)"),
                arguments("equals(Action,'a\nb')", 17, "a value may not contain a control character (nor any of "
                        + "\\ | & ( ) or a control character)"),
                arguments("not equals(Action,'a')", 5, "expected '(' after 'not' at column 1, found 'e'"),
                arguments("equals(Action,'a') &", 21, "the condition ends where a condition was expected; a "
                        + "condition starts with equals, startswith, not, &, | or '('"),
                arguments("equals(Action,'a'", 18, "the condition ends where ')' was expected to close the "
                        + "'equals' at column 1"),
                arguments("&(equals(Action,'a'), equals(Action,'b')", 41, "the condition ends where ')' was "
                        + "expected to close the '&' at column 1"),
                arguments("(equals(Action,'a')", 20, "the condition ends where ')' was expected to close the '(' "
                        + "at column 1"),
                arguments("()", 2, "unexpected ')'; a condition starts with equals, startswith, not, &, | or '('"),
                arguments("equals(Action,'a') é", 20, "unexpected character U+00E9 after the end of the condition"),
                arguments("equals(Action,'a')\u0000", 19, "unexpected a control character after the end of the "
                        + "condition"),
                arguments(deep33, 33, "the condition nests deeper than 32 levels"),
                arguments(notDeep33, 129, "the condition nests deeper than 32 levels"),
                arguments(tooLong, 4097, "the condition is longer than 4096 characters"),
                arguments("x".repeat(4000), 1, "unknown operator '" + "x".repeat(40) + "…'; a condition starts with "
                        + "equals, startswith, not, &, | or '('"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void refusesWithTheColumnAndASentence(String text, int column, String reason) {
        assertThatThrownBy(() -> ConditionParser.parse(text))
                .isInstanceOfSatisfying(RuleSyntaxException.class, e -> {
                    assertThat(e.column()).isEqualTo(column);
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).isEqualTo("column " + column + ": " + reason);
                });
    }

    @Test
    void thirtyTwoLevelsOfNestingAreAllowed() {
        String deep32 = "(".repeat(31) + "not(equals(Action,'A'))" + ")".repeat(31);

        assertThat(ConditionParser.parse(deep32)).isEqualTo(new Not(A));
    }

    /** The longest condition allowed, a chain of ors, parses and is evaluated without running out of stack. */
    @Test
    void aConditionAsLongAsAllowedParsesAndEvaluates() {
        String one = "equals(Action,'X')|";
        String chain = one.repeat((ConditionParser.MAX_LENGTH - 20) / one.length()) + "equals(Action,'A')";
        assertThat(chain.length()).isLessThanOrEqualTo(ConditionParser.MAX_LENGTH);

        Condition parsed = ConditionParser.parse(chain);

        assertThat(parsed.matches(RuleFieldTest.message())).isTrue();
    }

    @Test
    void aMissingConditionIsRefused() {
        assertThatThrownBy(() -> ConditionParser.parse(null)).isInstanceOf(RuleSyntaxException.class)
                .hasMessage("column 1: the condition is missing");
    }
}
