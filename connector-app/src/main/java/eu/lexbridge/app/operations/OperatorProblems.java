package eu.lexbridge.app.operations;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCategory;
import eu.lexbridge.core.error.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/** An operator's refused action as a problem body (RFC 9457 members and the stable code), with its HTTP status. */
public final class OperatorProblems {

    private OperatorProblems() {
    }

    public static WebEndpointResponse<Map<String, Object>> of(ConnectorException e) {
        int status = switch (e.code().category()) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case INVALID_INPUT -> 400;
            case UNAVAILABLE -> 503;
            default -> 500;
        };
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("title", e.code().title());
        problem.put("status", status);
        problem.put("code", e.code().code());
        if (e.field() != null) {
            problem.put("field", e.field());
        }
        // a sentence of the connector's, never an internal one
        problem.put("detail", e.code().category() == ErrorCategory.INTERNAL ? e.code().title() : e.getMessage());
        return new WebEndpointResponse<>(problem, status);
    }

    /** 503 LB-2002: the broker could not be asked. */
    static WebEndpointResponse<Map<String, Object>> brokerDown(Exception e) {
        return of(new ConnectorException(ErrorCode.QUEUE_UNAVAILABLE, null,
                "the broker cannot be reached; try again once it is up", e));
    }

    /** Who is calling, as the management port authenticated them. */
    static String operator(SecurityContext caller) {
        return caller.getPrincipal() == null ? "?" : caller.getPrincipal().getName();
    }
}
