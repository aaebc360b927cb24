package eu.lexbridge.tools.bench;

import eu.lexbridge.messaging.QueueSettings;
import eu.lexbridge.tools.BrokerSettingsCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code lexbridge bench broker}: an Artemis broker in a JVM of its own, for {@code bench crash} to kill and start
 * again; not for people. One server per {@code --port}, each with its persistent journal below {@code --dir}, and the
 * queues and redelivery settings a connector with the same {@code --lexbridge.routes.*} arguments gives its embedded
 * broker ({@link QueueSettings}). Loopback only, no users: a bench's broker, not a production one.
 */
@Command(name = "broker", hidden = true, description = "An external Artemis broker for bench crash.")
public final class BrokerCommand implements Callable<Integer> {

    @Option(names = "--dir", required = true) Path dir;
    @Option(names = "--port", required = true, split = ",") List<Integer> ports;
    @Option(names = "--ready", required = true) Path ready;
    @Unmatched List<String> configuration = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        QueueSettings queues = BrokerSettingsCommand.queueSettings(configuration);
        List<EmbeddedActiveMQ> servers = new ArrayList<>();
        for (int port : ports) {
            EmbeddedActiveMQ server = new EmbeddedActiveMQ().setConfiguration(configuration(dir.resolve(
                    String.valueOf(port)), port, queues));
            server.start();
            servers.add(server);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> servers.forEach(server -> {
            try {
                server.stop();
            } catch (Exception e) {
                // stopping anyway
            }
        })));
        Files.writeString(ready, String.valueOf(ProcessHandle.current().pid()));
        new CountDownLatch(1).await();
        return 0;
    }

    private static Configuration configuration(Path journal, int port, QueueSettings queues) throws Exception {
        Configuration configuration = new ConfigurationImpl()
                .setName("bench-broker-" + port)
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .setJournalDirectory(journal.resolve("journal").toString())
                .setBindingsDirectory(journal.resolve("bindings").toString())
                .setLargeMessagesDirectory(journal.resolve("large-messages").toString())
                .setPagingDirectory(journal.resolve("paging").toString())
                .addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port);
        queues.applyTo(configuration);
        return configuration;
    }
}
