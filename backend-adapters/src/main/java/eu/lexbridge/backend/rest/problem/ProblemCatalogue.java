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
