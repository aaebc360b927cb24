package eu.lexbridge.tools;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code lexbridge dlq …}: the messages the broker of a running connector gave up on. */
@Command(name = "dlq", mixinStandardHelpOptions = true,
        description = "List, replay or discard the dead letters of a running connector, through its management port.",
        subcommands = {DeadLettersCommand.List.class, DeadLettersCommand.Replay.class,
                DeadLettersCommand.Discard.class})
public final class DeadLettersCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"Every dead letter (at most 500): its queue, the broker's id of it, the connector id it "
                    + "carries and when it was queued.", "Exit 0: listed; 1: the connector cannot be used."})
    static final class List implements Callable<Integer> {
        @Mixin
        PartnerCommand.Management management = new PartnerCommand.Management();

        @Override
        public Integer call() {
            return management.send("GET", "/actuator/deadletters", null);
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = {"Put a dead letter back on its queue, where the connector takes it up again with the "
                    + "queue's whole redelivery policy.",
                    "Exit 0: put back; 2: no such dead letter (replayed or discarded already); 1: the connector "
                            + "cannot be used."})
    static final class Replay implements Callable<Integer> {
        @Mixin
        PartnerCommand.Management management = new PartnerCommand.Management();
        @Mixin
        Letter letter = new Letter();

        @Override
        public Integer call() {
            return management.send("POST", letter.path(), "{}");
        }
    }

    @Command(name = "discard", mixinStandardHelpOptions = true,
            description = {"Remove a dead letter for good. The message itself stays in the database, with its "
                    + "state and timeline.",
                    "Exit 0: discarded; 2: no such dead letter; 1: the connector cannot be used."})
    static final class Discard implements Callable<Integer> {
        @Mixin
        PartnerCommand.Management management = new PartnerCommand.Management();
        @Mixin
        Letter letter = new Letter();

        @Override
        public Integer call() {
            return management.send("DELETE", letter.path(), null);
        }
    }

    /** One dead letter, as {@code dlq list} names it. */
    static final class Letter {
        @Parameters(index = "0", paramLabel = "QUEUE", description = "Its queue, e.g. lexbridge.outbound.dispatch")
        String queue;

        @Parameters(index = "1", paramLabel = "JMS_MESSAGE_ID", description = "The broker's id of it (ID:…)")
        String jmsMessageId;

        String path() {
            return "/actuator/deadletters/" + URLEncoder.encode(queue, StandardCharsets.UTF_8) + "/"
                    + URLEncoder.encode(jmsMessageId, StandardCharsets.UTF_8);
        }
    }
}
