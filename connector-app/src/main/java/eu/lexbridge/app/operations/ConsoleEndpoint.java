package eu.lexbridge.app.operations;

import eu.lexbridge.core.message.MessageState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.util.MimeType;

/**
 * The operator console, {@code GET /actuator/console} on the management port (viewers; replaying and discarding a
 * dead letter needs an operator): one page and its script and style, over the management endpoints (health, queues,
 * messages, dead letters). The files are read once from the jar; nothing else is served from here.
 */
@Endpoint(id = "console")
public class ConsoleEndpoint {

    private static final MimeType HTML = MimeType.valueOf("text/html;charset=UTF-8");
    private static final Map<String, MimeType> ASSET_TYPES = Map.of(
            "console.js", MimeType.valueOf("text/javascript;charset=UTF-8"),
            "console.css", MimeType.valueOf("text/css;charset=UTF-8"));

    private final String page;
    private final Map<String, String> assets;

    public ConsoleEndpoint() {
        // the states to search by, from the code, so that the page never offers one the connector does not know
        page = read("console.html").replace("<!--STATES-->", Stream.of(MessageState.values())
                .map(state -> "<option>" + state.name() + "</option>").collect(Collectors.joining()));
        assets = ASSET_TYPES.keySet().stream().collect(Collectors.toMap(name -> name, ConsoleEndpoint::read));
    }

    @ReadOperation(produces = "text/html")
    public WebEndpointResponse<String> page() {
        return new WebEndpointResponse<>(page, WebEndpointResponse.STATUS_OK, HTML);
    }

    @ReadOperation(produces = {"text/javascript", "text/css"})
    public WebEndpointResponse<String> asset(@Selector String file) {
        String asset = assets.get(file);
        if (asset == null) {
            return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
        }
        return new WebEndpointResponse<>(asset, WebEndpointResponse.STATUS_OK, ASSET_TYPES.get(file));
    }

    private static String read(String name) {
        try (InputStream in = ConsoleEndpoint.class.getResourceAsStream("/lexbridge/console/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the console's " + name + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
