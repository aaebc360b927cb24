package eu.lexbridge.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.lexbridge.tools.BrokerSettingsCommand;
import eu.lexbridge.tools.bench.CrashReport.Disruption;
import eu.lexbridge.tools.demo.PackagedJar;
import eu.lexbridge.tools.demo.SharedDemoPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.activemq.artemis.utils.VersionLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench crash}, bounded for the test suite: two connectors on an external broker (the Artemis distribution) and
 * PostgreSQL, the sending one as two replicas behind one address; one sending replica and the receiver killed
 * (SIGKILL), the broker killed and restarted, the database restarted, all while messages flow; every message delivered
 * exactly once. The full run
 * (2,000 messages, ten kills) is {@code ./lexbridge bench crash}.
 */
class CrashIT {

    @TempDir
    Path dir;

    @Test
    void everyMessageArrivesExactlyOnceThroughKillsAndRestarts() throws Exception {
        Path jar = PackagedJar.path();
        // C1 only: the connectors start sooner, and the run checks what arrives, not how fast. Sends retried at most 4 s
        // apart (a killed connector is back in 15-25 s; each send is tried until its relay timeout) and a stalled-work
        // sweep after 30 s: a submission stored while the broker restarted, and so not queued, does not hold the test
        // up for the default 15 minutes, or the bench's 5. (With 60 s the run waited about 40 s for that sweep after its
        // last disruption; 30 s is still well above the 4 s between two noted send attempts and a restart's 15-25 s.)
        List<String> routeSettings = List.of("--lexbridge.routes.max-retry-delay=4s",
                "--lexbridge.routes.stalled-after=30s", "--lexbridge.routes.sweep-interval=5s");
        SharedDemoPki.into(dir.resolve("crash"));
        var options = new CrashRun.Options(dir.resolve("crash"), 24, 2, true, 4, 2, 1205L, Duration.ofSeconds(600),
                List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), routeSettings,
                BrokerProcess.defaultHome(jar));

        CrashReport report = new CrashRun(options, jar).run();
        report.print(System.out);

        assertThat(report.problems()).isEmpty();
        assertThat(report.disruptions()).extracting(Disruption::what).containsExactlyInAnyOrder(
                "KILL_SENDER (replica 1 of 2)", "KILL_RECEIVER", "RESTART_BROKER", "RESTART_DATABASE");
        assertThat(report.disruptions()).allSatisfy(d -> assertThat(d.afterMessages()).as(d.what())
                .isBetween(1, 23));
        assertThat(report.submitted()).isEqualTo(24);
        assertThat(report.deliveredOnce()).isEqualTo(24);
        assertThat(report.receivedOnce()).isEqualTo(24);
        assertThat(report.acknowledged()).isEqualTo(24);
        // each broker's DLQ.<queue> per hop, and the distribution's catch-all DLQ
        assertThat(report.deadLetters()).hasSize(2 * (eu.lexbridge.core.port.Hop.values().length + 1))
                .allSatisfy((queue, count) -> assertThat(count).as(queue).isZero());
        assertThat(report.passed()).isTrue();
        // the connectors used the external broker and database only: no journal or H2 file of their own; the
        // replicas kept their payloads in the one shared directory
        Path root = dir.resolve("crash");
        for (Path data : List.of(root.resolve("at-prosecutor/replica-1/data"), root.resolve("at-prosecutor/replica-2/data"),
                root.resolve("de-court/data"))) {
            assertThat(data).exists();
            assertThat(data.resolve("artemis")).as(data + ": no broker of its own").doesNotExist();
            assertThat(data.resolve("db")).as(data + ": no H2 database").doesNotExist();
        }
        assertThat(root.resolve("at-prosecutor/replica-1/data/payloads")).doesNotExist();
        assertThat(root.resolve("at-prosecutor/data/payloads")).isDirectoryContaining(Files::isDirectory);
        // each killed process was started again: the first replica of the sender (the first sender kill) and the
        // receiver
        for (Path log : List.of(root.resolve("at-prosecutor/replica-1/connector.log"),
                root.resolve("de-court/connector.log"))) {
            assertThat(Files.readString(log)).as(log + ": started again after its kill")
                    .containsPattern("(?s)Started LexbridgeCommand in .*Started LexbridgeCommand in ");
        }
        // the brokers were the Artemis distribution, one instance per connector, each started, killed and started
        // again, on the queue settings broker-settings prints for the connectors' configuration
        String settings = BrokerSettingsCommand.queueSettings(routeSettings).brokerXml();
        String addressSettings = settings.substring(settings.indexOf("<address-settings>") + 18,
                settings.indexOf("</address-settings>"));
        try (Stream<Path> logs = Files.list(root.resolve("broker"))) {
            List<Path> brokerLogs = logs.filter(p -> p.toString().endsWith(".log")).toList();
            assertThat(brokerLogs).hasSize(2).allSatisfy(log -> {
                String text = Files.readString(log);
                assertThat(text).contains("Apache ActiveMQ Artemis " + VersionLoader.getVersion().getFullVersion());
                assertThat(text.split(BrokerProcess.ACTIVE, -1)).as(log + ": active twice").hasSize(3);
                String instance = log.getFileName().toString().replace(".log", "");
                assertThat(root.resolve("broker").resolve(instance).resolve("etc/broker.xml")).content()
                        .contains(addressSettings);
            });
        }
        assertThat(report.senderReplicas()).isEqualTo(2);
        assertThat(report.messagesPerSecond()).isPositive();
        var written = new ObjectMapper().valueToTree(report);
        assertThat(written.path("passed").asBoolean()).isTrue();
    }
}
