package eu.lexbridge.backend.rest.problem;

import eu.lexbridge.core.error.ErrorCode;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Turns a connector error code into an RFC 9457 problem: the code decides type, title and status, so integrators can
 * match on {@code type} or {@code code} and never on the sentence.
 */
public final class ProblemCatalogue {

    /** Base of every problem type; the code is appended. */
    public static final String TYPE_BASE = "https://lexbridge.eu/problems/";

    private ProblemCatalogue() {
    }

    public static HttpStatus status(ErrorCode code) {
        if (code == ErrorCode.NOT_AUTHENTICATED) {
            return HttpStatus.UNAUTHORIZED; // not authenticated is 401; FORBIDDEN otherwise means "authenticated, not allowed"
        }
        return switch (code.category()) {
            case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN, SECURITY -> HttpStatus.FORBIDDEN;
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }

    /**
     * The problem for an HTTP status that the servlet container or the error dispatch decided, where no connector
     * failure says more: a sentence per status, no request value echoed.
     */
    public static ProblemDetail forStatus(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        HttpStatusCode code = known != null ? known : HttpStatusCode.valueOf(status);
        if (status == HttpStatus.UNAUTHORIZED.value()) {
            return problem(code, ErrorCode.NOT_AUTHENTICATED, null, "the request needs a valid bearer token", null);
        }
        if (status == HttpStatus.PAYLOAD_TOO_LARGE.value()) {
            return problem(code, ErrorCode.PAYLOAD_TOO_LARGE, null, "the request is larger than the server accepts",
                    null);
        }
        if (status >= 500 || status < 400) {
            return problem(code, ErrorCode.INTERNAL, null,
                    "the connector could not complete the request", null);
        }
        String detail = switch (status) {
            case 404 -> "there is no such resource";
            case 405 -> "the method is not allowed here";
            case 414 -> "the request URI is longer than the server accepts";
            case 431 -> "the request headers are larger than the server accepts";
            default -> "the request cannot be read (a malformed request line, URI, header or body, or an encoded '/' "
                    + "or '\\' in the path)";
        };
        return problem(code, ErrorCode.MALFORMED_REQUEST, null, detail, null);
    }

    /** A problem with the status the code's category gives. */
    public static ProblemDetail problem(ErrorCode code, String field, String detail, String instance) {
        return problem(status(code), code, field, detail, instance);
    }

    /** A problem with a status the protocol dictates (405, 406, 415), still carrying a connector code. */
    public static ProblemDetail problem(HttpStatusCode status, ErrorCode code, String field, String detail,
                                        String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code.code()));
        problem.setTitle(code.title());
        if (instance != null) {
            problem.setInstance(URI.create(instance));
        }
        problem.setProperty("code", code.code());
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }
}
