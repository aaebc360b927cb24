package eu.lexbridge.backend.rest.problem;

import eu.lexbridge.core.log.LogSafe;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the servlet container's error dispatches (a status set by a filter or by {@code sendError}, an exception no
 * handler took) with an RFC 9457 problem instead of Spring Boot's default error body; Spring Boot's own way of
 * replacing its {@code BasicErrorController}. A request for the error path itself is no error dispatch: it gets 404.
 */
@Hidden // not an operation of the API
@RestController
public class ProblemErrorController implements ErrorController {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping(path = "${server.error.path:${error.path:/error}}",
            produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE})
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        ProblemDetail problem = ProblemCatalogue.forStatus(status instanceof Integer code ? code : 404);
        if (problem.getStatus() >= 500) {
            String incident = UUID.randomUUID().toString();
            LOG.error("{} {} failed, incident {}", LogSafe.of(request.getMethod()),
                    LogSafe.of(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)),
                    incident, (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
            problem.setDetail(problem.getDetail() + "; the failure is logged as incident " + incident);
            problem.setInstance(URI.create("urn:uuid:" + incident));
        }
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
