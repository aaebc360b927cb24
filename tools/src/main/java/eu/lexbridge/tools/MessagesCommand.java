package eu.lexbridge.tools;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lexbridge messages …}: what an operator does to one message of a running connector. */
@Command(name = "messages", mixinStandardHelpOptions = true,
        description = "Operate on the messages of a running connector, through its management port.",
        subcommands = {MessagesCommand.Search.class, MessagesCommand.Show.class, MessagesCommand.Resend.class})
public final class MessagesCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "search", mixinStandardHelpOptions = true,
            description = {"The messages that match every criterion given, the newest first (metadata only): as the "
                    + "console's search.", "Exit 0: listed; 2: a criterion refused (the sentence printed); 1: the "
                    + "connector cannot be used."})
    static final class Search implements Callable<Integer> {
        @Mixin
        PartnerCommand.Management management = new PartnerCommand.Management();

        @Option(names = "--backend", description = "The back-end's name") String backend;
        @Option(names = "--backend-message-id", description = "The back-end's own id of the message")
        String backendMessageId;
        @Option(names = "--conversation", description = "The conversation id") String conversation;
        @Option(names = "--partner", description = "A partner's name, as sender or recipient") String partner;
        @Option(names = "--state", description = "A message state, e.g. RELAY_FAILED") String state;
        @Option(names = "--direction", description = "OUTBOUND or INBOUND") String direction;
        @Option(names = "--from", paramLabel = "INSTANT", description = "Created at or after, e.g. 2026-12-06T00:00:00Z")
        String from;
        @Option(names = "--before", paramLabel = "INSTANT", description = "Created before") String before;
        @Option(names = "--limit", description = "At most this many (1-200, default 50)") Integer limit;

        @Override
        public Integer call() {
            StringBuilder query = new StringBuilder();
            parameter(query, "backend", backend);
            parameter(query, "backendMessageId", backendMessageId);
            parameter(query, "conversation", conversation);
            parameter(query, "partner", partner);
            parameter(query, "state", state);
            parameter(query, "direction", direction);
            parameter(query, "from", from);
            parameter(query, "before", before);
            parameter(query, "limit", limit == null ? null : limit.toString());
            return management.send("GET", "/actuator/messages" + query, null);
        }

        private static void parameter(StringBuilder query, String name, String value) {
            if (value != null) {
                query.append(query.length() == 0 ? '?' : '&').append(name).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"One message with its timeline and evidences, by its connector or ebMS id.",
                    "Exit 0: shown; 2: no such message; 1: the connector cannot be used."})
    static final class Show implements Callable<Integer> {
        @Mixin
        PartnerCommand.Management management = new PartnerCommand.Management();

        @Parameters(index = "0", paramLabel = "ID", description = "The connector message id or the ebMS message id")
        String id;

        @Override
        public Integer call() {
            return management.send("GET", "/actuator/messages/" + URLEncoder.encode(id, StandardCharsets.UTF_8),
                    null);
        }
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
