package eu.lexbridge.tools;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code lexbridge messages …}: what an operator does to one message of a running connector. */
@Command(name = "messages", mixinStandardHelpOptions = true,
        description = "Operate on the messages of a running connector, through its management port.",
        subcommands = MessagesCommand.Resend.class)
public final class MessagesCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "resend", mixinStandardHelpOptions = true,
            description = {"Send again a message whose send failed (RELAY_FAILED), once its partner is back: the "
                    + "same ebMS message, tried again until a new relay timeout.",
                    "Exit 0: queued; 2: no such message, or not one whose send failed; 1: the connector cannot be "
                            + "used."})
    static final class Resend implements Callable<Integer> {
        @Mixin
        PartnerCommand.Management management = new PartnerCommand.Management();

        @Parameters(index = "0", paramLabel = "MESSAGE_ID", description = "The connector message id")
        String messageId;

        @Override
        public Integer call() {
            return management.send("POST", "/actuator/resend/" + URLEncoder.encode(messageId,
                    StandardCharsets.UTF_8), "{}");
        }
    }
}
