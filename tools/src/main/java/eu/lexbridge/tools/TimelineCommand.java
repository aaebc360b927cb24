package eu.lexbridge.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lexbridge timeline CONVERSATION}: a conversation's record in time order, with its time limits. */
@Command(name = "timeline", mixinStandardHelpOptions = true,
        description = {"A conversation in time order: its messages, their states and evidences, the transmissions "
                + "recorded outside the system, and the procedural time limits with where each stands.",
                "With --export, the case is also saved as one sealed ASiC-E file a court can file.",
                "Exit 0: printed; 2: no such conversation for this back-end; 1: the connector cannot be used."})
public final class TimelineCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    BackendApi api = new BackendApi();

    @Parameters(index = "0", paramLabel = "CONVERSATION", description = "The conversation id")
    String conversation;

    @Option(names = "--json", description = "The API's JSON as it is, instead of lines")
    boolean json;

    @Option(names = "--export", paramLabel = "FILE", description = "Also save the case as one sealed ASiC-E file "
            + "(the timeline, each message's metadata, every evidence and record, one seal over all)")
    Path export;

    @Override
    public Integer call() {
        try {
            String path = "/api/v1/conversations/"
                    + URLEncoder.encode(conversation, StandardCharsets.UTF_8).replace("+", "%20");
            BackendApi.Answer answer = api.send("GET", path + "/timeline", null);
            if (answer.status() != 200) {
                System.err.println("no timeline (" + answer.status() + "): " + answer.problem());
                return answer.refused() ? 2 : 1;
            }
            if (json) {
                System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer.body()));
            } else {
                System.out.println("Conversation " + answer.body().path("conversationId").asText() + ":");
                CaseTimelinePrinter.print(answer.body(), System.out);
            }
            if (export != null) {
                BackendApi.Answer saved = api.download(path + "/export", export);
                if (saved.status() != 200) {
                    System.err.println("no export (" + saved.status() + "): " + saved.problem());
                    return 1;
                }
                System.out.println("Saved the sealed case file to " + export);
            }
            return 0;
        } catch (IOException e) {
            System.err.println("the connector at " + api.api + " cannot be used: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
