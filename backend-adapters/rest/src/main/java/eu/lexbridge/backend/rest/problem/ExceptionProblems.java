package eu.lexbridge.backend.rest.problem;

import eu.lexbridge.backend.rest.view.ApiLinks;
import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCategory;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.error.TooLargeForTheSystem;
import eu.lexbridge.core.flow.Submission;
import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.core.record.TransmissionRecordRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Decides the problem answer for any failure of a back-end API call, and logs it. Sentences of connector exceptions
 * are written for people and carry no payload content; unexpected failures get a generic sentence and an incident id
 * that points to the logged stack trace.
 */
public final class ExceptionProblems {

    private static final Logger LOG = LoggerFactory.getLogger(ExceptionProblems.class);

    private final UploadFailures uploads;

    /** @param uploads names the servlet container's multipart refusals */
    public ExceptionProblems(UploadFailures uploads) {
        this.uploads = uploads;
    }

    public ResponseEntity<ProblemDetail> answer(Throwable failure, HttpServletRequest request) {
        String path = request.getRequestURI();
        ProblemDetail problem = problemFor(failure, request, path);
        HttpHeaders headers = new HttpHeaders();
        if (problem.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"lexbridge\"");
        }
        if (failure instanceof HttpRequestMethodNotSupportedException e && e.getSupportedHttpMethods() != null) {
            headers.setAllow(e.getSupportedHttpMethods());
        }
        return ResponseEntity.status(problem.getStatus()).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private ProblemDetail problemFor(Throwable failure, HttpServletRequest request, String path) {
        if (failure instanceof ConnectorException e) {
            return connectorProblem(e, request, path);
        }
        // The servlet container's multipart limits arrive as "upload too large" whatever they were about.
        var limit = uploads.translate(failure);
        if (limit.isPresent()) {
            return connectorProblem(limit.get(), request, path);
        }
        if (failure instanceof MaxUploadSizeExceededException e) {
            refused(request, ErrorCode.PAYLOAD_TOO_LARGE, null);
            return ProblemCatalogue.problem(ErrorCode.PAYLOAD_TOO_LARGE, null, e.getMaxUploadSize() > 0
                    ? "the upload is larger than the limit of " + e.getMaxUploadSize() + " bytes; "
                            + Submission.TOO_LARGE_FOR_ECODEX
                    : "the upload is larger than the configured limit; " + Submission.TOO_LARGE_FOR_ECODEX, path);
        }
        if (failure instanceof MissingServletRequestPartException e) {
            refused(request, ErrorCode.MISSING_FIELD, e.getRequestPartName());
            return ProblemCatalogue.problem(ErrorCode.MISSING_FIELD, e.getRequestPartName(),
                    "the multipart part '" + e.getRequestPartName() + "' is required", path);
        }
        if (failure instanceof MissingServletRequestParameterException e) {
            refused(request, ErrorCode.MISSING_FIELD, e.getParameterName());
            return ProblemCatalogue.problem(ErrorCode.MISSING_FIELD, e.getParameterName(),
                    "the parameter '" + e.getParameterName() + "' is required", path);
        }
        if (failure instanceof MethodArgumentTypeMismatchException e) {
            refused(request, ErrorCode.INVALID_FIELD, e.getName());
            String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
            return ProblemCatalogue.problem(ErrorCode.INVALID_FIELD, e.getName(),
                    "'" + e.getName() + "' must be of type " + expected, path);
        }
        if (failure instanceof MultipartException) {
            refused(request, ErrorCode.MALFORMED_REQUEST, null);
            return ProblemCatalogue.problem(ErrorCode.MALFORMED_REQUEST, null,
                    "the request body cannot be read as multipart/form-data", path);
        }
        if (failure instanceof HttpMessageNotReadableException) {
            // only the JSON bodies of confirmations are bound by Spring; the parser's message quotes the input
            refused(request, ErrorCode.MALFORMED_REQUEST, null);
            return ProblemCatalogue.problem(ErrorCode.MALFORMED_REQUEST, null,
                    "the request body is not valid JSON", path);
        }
        if (failure instanceof HttpMediaTypeNotSupportedException e) {
            refused(request, ErrorCode.MALFORMED_REQUEST, null);
            return ProblemCatalogue.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorCode.MALFORMED_REQUEST, null,
                    "the Content-Type must be one of " + e.getSupportedMediaTypes().stream()
                            .map(MediaType::toString).collect(Collectors.joining(", ")), path);
        }
        if (failure instanceof HttpMediaTypeNotAcceptableException) {
            refused(request, ErrorCode.MALFORMED_REQUEST, null);
            return ProblemCatalogue.problem(HttpStatus.NOT_ACCEPTABLE, ErrorCode.MALFORMED_REQUEST, null,
                    "the resource cannot be sent in a type the Accept header allows", path);
        }
        if (failure instanceof HttpRequestMethodNotSupportedException e) {
            refused(request, ErrorCode.MALFORMED_REQUEST, null);
            return ProblemCatalogue.problem(HttpStatus.METHOD_NOT_ALLOWED, ErrorCode.MALFORMED_REQUEST, null,
                    "the method " + e.getMethod() + " is not allowed here", path);
        }
        if (failure instanceof ErrorResponse e && e.getStatusCode().is4xxClientError()) {
            return otherClientError(e.getStatusCode(), request, path);
        }
        return internal(failure, request);
    }

    private ProblemDetail connectorProblem(ConnectorException e, HttpServletRequest request, String path) {
        ErrorCategory category = e.code().category();
        if (category == ErrorCategory.INTERNAL) {
            return internal(e, request);
        }
        if (category == ErrorCategory.UNAVAILABLE) {
            LOG.warn("{} {} failed: {} {}", LogSafe.of(request.getMethod()), LogSafe.of(path), e.code().code(),
                    LogSafe.of(e.getMessage()));
        } else {
            refused(request, e.code(), e.field());
        }
        ProblemDetail problem = ProblemCatalogue.problem(e.code(), e.field(), e.getMessage(), path);
        if (e instanceof ExistingMessageConflict existing) {
            problem.setProperty("connectorMessageId", existing.connectorMessageId());
            problem.setProperty("href", existing.href());
        }
        if (e instanceof TooLargeForTheSystem tooLarge) {
            problem.setProperty("recordTransmission", offSystemRecord(tooLarge.record(), request));
        }
        return problem;
    }

    /**
     * Where to record the transmission by another channel, and the record as the refused submission begins it: the
     * back-end adds transmittedAt, fileSize, channel and contentHash and posts it as it is.
     */
    private static Map<String, Object> offSystemRecord(TransmissionRecordRequest record,
                                                       HttpServletRequest request) {
        Map<String, Object> begun = new LinkedHashMap<>();
        BiConsumer<String, String> put = (field, value) -> {
            if (value != null) {
                begun.put(field, value);
            }
        };
        put.accept("conversationId", record.conversationId());
        put.accept("sender", record.sender());
        put.accept("recipient", record.recipient());
        put.accept("fileName", record.fileName());
        put.accept("reason", record.reason());
        put.accept("instrument", record.instrument());
        put.accept("form", record.form());
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("href", request.getContextPath() + ApiLinks.RECORDS);
        link.put("record", begun);
        return link;
    }

    private ProblemDetail otherClientError(HttpStatusCode status, HttpServletRequest request, String path) {
        refused(request, ErrorCode.MALFORMED_REQUEST, null);
        return ProblemCatalogue.problem(status, ErrorCode.MALFORMED_REQUEST, null,
                status.value() == HttpStatus.NOT_FOUND.value() ? "the back-end API has no such resource"
                        : "the request cannot be processed", path);
    }

    private static ProblemDetail internal(Throwable failure, HttpServletRequest request) {
        String incident = UUID.randomUUID().toString();
        LOG.error("{} {} failed, incident {}", LogSafe.of(request.getMethod()), LogSafe.of(request.getRequestURI()),
                incident, failure);
        ErrorCode code = failure instanceof ConnectorException e ? e.code() : ErrorCode.INTERNAL;
        return ProblemCatalogue.problem(code, null,
                "the connector could not complete the request; the failure is logged as incident " + incident,
                "urn:uuid:" + incident);
    }

    /** Refused input is routine: one line with the code and field, never the values. */
    private static void refused(HttpServletRequest request, ErrorCode code, String field) {
        // The field may name a JSON member the caller chose: escaped like the path.
        LOG.info("{} {} refused: {}{}", LogSafe.of(request.getMethod()), LogSafe.of(request.getRequestURI()),
                code.code(), field == null ? "" : " (" + LogSafe.of(field) + ")");
    }
}
