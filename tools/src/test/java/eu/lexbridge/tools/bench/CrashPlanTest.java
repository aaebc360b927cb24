package eu.lexbridge.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.tools.bench.CrashRun.Kind;
import eu.lexbridge.tools.bench.CrashRun.Planned;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CrashPlanTest {

    @Test
    void tenKillsInTurnAndOneRestartOfEachSpreadOverAllButTheLastTenth() {
        List<Planned> plan = CrashRun.plan(2000, 10, true, new Random(42));

        assertThat(plan).hasSize(12);
        assertThat(plan).extracting(Planned::kind).containsOnlyOnce(Kind.RESTART_BROKER, Kind.RESTART_DATABASE);
        List<Kind> kills = plan.stream().map(Planned::kind).filter(k -> k.name().startsWith("KILL")).toList();
        assertThat(kills).hasSize(10).filteredOn(k -> k == Kind.KILL_SENDER).hasSize(5);
        for (int i = 1; i < kills.size(); i++) {
            assertThat(kills.get(i)).as("the sender and the receiver in turn").isNotEqualTo(kills.get(i - 1));
        }
        assertThat(plan).extracting(Planned::afterMessages).isSorted().allSatisfy(at -> assertThat(at)
                .isBetween(1, 1800));
        assertThat(CrashRun.plan(2000, 10, true, new Random(42))).as("the same seed, the same plan").isEqualTo(plan);
    }

    @Test
    void withoutKillsAndRestartsNothingIsDisrupted() {
        assertThat(CrashRun.plan(300, 0, false, new Random(1))).isEmpty();
        assertThat(CrashRun.plan(300, 0, true, new Random(1))).extracting(Planned::kind)
                .containsExactly(Kind.RESTART_BROKER, Kind.RESTART_DATABASE);
    }
}
