package eu.lexbridge.backend.rest.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.lexbridge.backend.rest.auth.AuthenticatedBackend;
import eu.lexbridge.backend.rest.view.ApiLinks;
import eu.lexbridge.backend.rest.view.TransmissionRecordView;
import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.port.CaseRecord;
import eu.lexbridge.core.record.TransmissionRecord;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Transmissions made outside the system (Reg (EU) 2023/1543 Art 19(5)–(6)): recorded by the back-end that made them,
 * sealed by the connector, part of the conversation's timeline. A record is never changed: a correction is a new
 * record that names the old one; a PUT, PATCH or DELETE is refused and reported as a security event.
 */
@RestController
@RequestMapping(value = ApiLinks.RECORDS, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "records")
@SecurityRequirement(name = OpenApiDocumentation.BEARER)
public class RecordController {

    private static final int MAX_BODY = 16 * 1024;

    private final CaseRecord cases;
    private final StrictJson<TransmissionRecordBody> body;

    public RecordController(CaseRecord cases, ObjectMapper mapper) {
        this.cases = cases;
        this.body = new StrictJson<>(mapper, TransmissionRecordBody.class, "the record", "", MAX_BODY);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a transmission made outside the system",
            description = "The connector checks every field (the first bad one is named in the problem's field), "
                    + "seals the record with its evidence seal and keeps it; it joins the conversation's timeline. "
                    + "Recording again with the same backendRecordId answers the first record.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = TransmissionRecordBody.class))))
    @ApiResponse(responseCode = "201", description = "the record, sealed")
    @ApiResponse(responseCode = "400", description = "a field missing (LB-1001) or wrong (LB-1002), or the body "
            + "unreadable (LB-1008)")
    @ApiResponse(responseCode = "404", description = "no such conversation for this back-end (LB-1102)")
    @ApiResponse(responseCode = "409", description = "the backendRecordId records another transmission (LB-1012)")
    public ResponseEntity<TransmissionRecordView> record(@Parameter(hidden = true) AuthenticatedBackend backend,
                                                         HttpServletRequest request) throws IOException {
        TransmissionRecord record = cases.record(backend.name(), body.read(request.getInputStream(), null)
                .request());
        ApiLinks links = new ApiLinks(request.getContextPath());
        return ResponseEntity.created(URI.create(links.record(record.recordId())))
                .body(TransmissionRecordView.of(record, links));
    }

    @GetMapping("/{recordId}")
    @Operation(summary = "Get a transmission record")
    @ApiResponse(responseCode = "200", description = "the record")
    @ApiResponse(responseCode = "404", description = "no such record for this back-end (LB-1103)")
    public TransmissionRecordView find(@Parameter(hidden = true) AuthenticatedBackend backend,
                                       @PathVariable String recordId, HttpServletRequest request) {
        return TransmissionRecordView.of(cases.find(backend.name(), id(recordId)),
                new ApiLinks(request.getContextPath()));
    }

    @GetMapping(value = "/{recordId}/document", produces = MediaType.APPLICATION_XML_VALUE)
    @Operation(summary = "Download the sealed record document",
            description = "XML with an enveloped XAdES-BASELINE-B seal by the connector's evidence-seal key.")
    @ApiResponse(responseCode = "200", description = "the sealed document")
    @ApiResponse(responseCode = "404", description = "no such record for this back-end (LB-1103)")
    public ResponseEntity<InputStreamResource> document(@Parameter(hidden = true) AuthenticatedBackend backend,
                                                        @PathVariable String recordId) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .body(new InputStreamResource(cases.document(backend.name(), id(recordId))));
    }

    @RequestMapping(value = "/{recordId}", method = {RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE})
    @Operation(summary = "Refused: a record is never changed or deleted",
            description = "Record a correction instead: a new record whose corrects names this one. Every attempt "
                    + "is reported as a security event.")
    @ApiResponse(responseCode = "409", description = "a record cannot be changed (LB-1302)")
    public void change(@Parameter(hidden = true) AuthenticatedBackend backend, @PathVariable String recordId,
                       HttpServletRequest request) {
        cases.refuseChange(backend.name(), recordId, request.getMethod());
    }

    private static UUID id(String recordId) {
        return MessageIds.canonical(recordId).orElseThrow(() -> new ConnectorException(ErrorCode.UNKNOWN_RECORD,
                "recordId", "there is no such transmission record for this back-end"));
    }
}
