package eu.lexbridge.directory.routing;

import eu.lexbridge.core.message.ConnectorMessage;
import java.util.Objects;

/**
 * A parsed routing condition: the syntax tree of one rule's match clause ({@link ConditionParser}). Each node says
 * whether an inbound message matches and writes itself back in the official connector's prefix form.
 */
public sealed interface Condition permits Condition.Equals, Condition.StartsWith, Condition.And, Condition.Or,
        Condition.Not {

    boolean matches(ConnectorMessage message);

    /** The condition in the official connector's notation, e.g. {@code &(equals(Action, 'A'), not(...))}. */
    String text();

    /** {@code equals(FIELD, 'value')}: the field has exactly this value (a message without the field never matches). */
    record Equals(RuleField field, String value) implements Condition {
        public Equals {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public boolean matches(ConnectorMessage message) {
            return value.equals(field.of(message));
        }

        @Override
        public String text() {
            return "equals(" + field.ruleName() + ", '" + value + "')";
        }
    }

    /** {@code startswith(FIELD, 'value')}: the field begins with this value. */
    record StartsWith(RuleField field, String prefix) implements Condition {
        public StartsWith {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(prefix, "prefix");
        }

        @Override
        public boolean matches(ConnectorMessage message) {
            String actual = field.of(message);
            return actual != null && actual.startsWith(prefix);
        }

        @Override
        public String text() {
            return "startswith(" + field.ruleName() + ", '" + prefix + "')";
        }
    }

    record And(Condition left, Condition right) implements Condition {
        public And {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public boolean matches(ConnectorMessage message) {
            return left.matches(message) && right.matches(message);
        }

        @Override
        public String text() {
            return "&(" + left.text() + ", " + right.text() + ")";
        }
    }

    record Or(Condition left, Condition right) implements Condition {
        public Or {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public boolean matches(ConnectorMessage message) {
            return left.matches(message) || right.matches(message);
        }

        @Override
        public String text() {
            return "|(" + left.text() + ", " + right.text() + ")";
        }
    }

    record Not(Condition inner) implements Condition {
        public Not {
            Objects.requireNonNull(inner, "inner");
        }

        @Override
        public boolean matches(ConnectorMessage message) {
            return !inner.matches(message);
        }

        @Override
        public String text() {
            return "not(" + inner.text() + ")";
        }
    }
}
