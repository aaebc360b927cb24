package eu.lexbridge.backend.rest.api;

import eu.lexbridge.backend.rest.auth.AuthenticatedBackend;
import eu.lexbridge.backend.rest.view.ApiLinks;
import eu.lexbridge.core.flow.BackendInbox;
import eu.lexbridge.core.message.PayloadRef;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Streams a payload or evidence document of one of the back-end's messages. Synchronous on purpose: an async
 * streaming body would be cut by the async request timeout on a large file over a slow link.
 */
@RestController
@RequestMapping(ApiLinks.MESSAGES)
@Tag(name = "messages")
@SecurityRequirement(name = OpenApiDocumentation.BEARER)
@ApiResponse(responseCode = "404", description = "no such message (or payload) for this back-end")
public class PayloadController {

    private final BackendInbox inbox;

    public PayloadController(BackendInbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/{messageId}/payloads/{payloadId}")
    @Operation(summary = "Download a payload or evidence document",
            description = "Content-Type and Content-Length are the stored ones; Repr-Digest carries the SHA-256. "
                    + "A stored file that no longer matches its checksum is cut short rather than completed.")
    @ApiResponse(responseCode = "200", description = "the bytes",
            content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
    public void download(@Parameter(hidden = true) AuthenticatedBackend backend, @PathVariable String messageId,
                         @PathVariable String payloadId, HttpServletResponse response) throws IOException {
        UUID id = MessageIds.parse(messageId);
        PayloadRef payload = inbox.payload(backend.name(), id, payloadId);
        try (InputStream in = inbox.open(backend.name(), id, payload)) {
            HttpHeaders headers = headers(payload);
            headers.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            response.setStatus(HttpServletResponse.SC_OK);
            VerifiedCopy.copy(in, response.getOutputStream());
        } catch (IOException | RuntimeException e) {
            if (!response.isCommitted()) {
                response.reset(); // nothing sent yet: the advice can still answer with a clean problem
            }
            throw e;
        }
    }

    private static HttpHeaders headers(PayloadRef payload) {
        byte[] sha256 = HexFormat.of().parseHex(payload.sha256());
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(mediaType(payload.mimeType()));
        headers.setContentLength(payload.size());
        headers.set("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(sha256) + ":"); // RFC 9530
        headers.setETag("\"" + payload.sha256() + "\"");
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename(payload.name(), StandardCharsets.UTF_8).build());
        headers.setCacheControl(CacheControl.noStore().cachePrivate());
        headers.set("X-Content-Type-Options", "nosniff"); // a received HTML file must not run in a browser
        return headers;
    }

    private static MediaType mediaType(String mimeType) {
        try {
            return MediaType.parseMediaType(mimeType);
        } catch (InvalidMediaTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }
}
