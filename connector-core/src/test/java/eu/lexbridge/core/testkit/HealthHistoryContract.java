package eu.lexbridge.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.port.HealthHistory;
import eu.lexbridge.core.record.ReadinessSpell;
import eu.lexbridge.core.record.ReadinessSpell.Status;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link HealthHistory} must do; an implementation's test extends this, {@link #history()} giving a fresh,
 * empty store each time it is called.
 */
public abstract class HealthHistoryContract {

    private static final Instant T0 = Instant.parse("2026-11-30T23:00:00Z");

    protected abstract HealthHistory history();

    private static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    @Test
    void lookingAgainAtTheSameStatusLengthensTheSpellAndAChangeStartsANewOne() {
        HealthHistory history = history();
        ReadinessSpell first = history.look("a/1", Status.UP, List.of(), at(0));
        ReadinessSpell same = history.look("a/1", Status.UP, List.of(), at(1));
        ReadinessSpell down = history.look("a/1", Status.DOWN, List.of("db"), at(2));
        history.look("a/1", Status.DOWN, List.of("jms", "db"), at(3));

        assertThat(first.id()).isPositive();
        assertThat(same.id()).isEqualTo(first.id());
        assertThat(same.until()).isEqualTo(at(1));
        assertThat(down.id()).isNotEqualTo(first.id());
        assertThat(history.spells(at(0), at(10))).containsExactly(
                new ReadinessSpell(first.id(), "a/1", Status.UP, at(0), at(2), List.of(), null),
                new ReadinessSpell(down.id(), "a/1", Status.DOWN, at(2), at(3), List.of("db", "jms"), null));
    }

    @Test
    void eachInstanceHasItsOwnSpells() {
        HealthHistory history = history();
        history.look("a/1", Status.UP, List.of(), at(0));
        history.look("b/1", Status.DOWN, List.of("diskSpace"), at(1));
        history.look("a/1", Status.UP, List.of(), at(2));
        history.look("b/1", Status.DOWN, List.of(), at(3));

        assertThat(history.spells(at(0), at(10))).extracting(ReadinessSpell::instance, ReadinessSpell::status,
                        ReadinessSpell::until)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a/1", Status.UP, at(2)),
                        org.assertj.core.groups.Tuple.tuple("b/1", Status.DOWN, at(3)));
    }

    @Test
    void theSpellsOfAPeriodAreThoseThatOverlapIt() {
        HealthHistory history = history();
        history.look("a/1", Status.UP, List.of(), at(0));
        history.look("a/1", Status.DOWN, List.of("db"), at(60));   // 00:00 on 1 December
        history.look("a/1", Status.DOWN, List.of(), at(90));
        history.look("a/1", Status.UP, List.of(), at(120));

        assertThat(history.spells(at(-60), at(0))).as("before the first look").isEmpty();
        assertThat(history.spells(at(61), at(62))).extracting(ReadinessSpell::status).containsExactly(Status.DOWN);
        assertThat(history.spells(at(30), at(121))).extracting(ReadinessSpell::status)
                .containsExactly(Status.UP, Status.DOWN, Status.UP);
    }

    @Test
    void anOutageNoticeIsKeptOnceWithItsSpellAndListedTheLatestFirst() {
        HealthHistory history = history();
        ReadinessSpell first = history.look("a/1", Status.DOWN, List.of("db"), at(0));
        history.look("a/1", Status.UP, List.of(), at(10));
        ReadinessSpell second = history.look("a/1", Status.DOWN, List.of("jms"), at(20));

        assertThat(history.noteOutage(first.id(), "first outage")).isTrue();
        assertThat(history.noteOutage(first.id(), "again")).isFalse();
        assertThat(history.noteOutage(second.id(), "second outage")).isTrue();
        assertThat(history.noteOutage(second.id() + 1000, "unknown")).isFalse();

        assertThat(history.outages(10)).extracting(ReadinessSpell::outageNotice)
                .containsExactly("second outage", "first outage");
        assertThat(history.outages(1)).extracting(ReadinessSpell::id).containsExactly(second.id());
        assertThat(history.look("a/1", Status.DOWN, List.of(), at(21)).outageNotice()).isEqualTo("second outage");
    }
}
