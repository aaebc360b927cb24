package eu.lexbridge.backend.rest.problem;

import eu.lexbridge.backend.rest.api.SubmissionController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers every failure of the back-end API's controllers with an RFC 9457 problem. Limited to those controllers, so
 * the rest of the application keeps its own error handling.
 */
@RestControllerAdvice(basePackageClasses = SubmissionController.class)
@Order(Ordered.HIGHEST_PRECEDENCE) // ahead of any catch-all advice of the application; it only covers our controllers
public class RestProblemAdvice {

    private static final Logger LOG = LoggerFactory.getLogger(RestProblemAdvice.class);

    private final ExceptionProblems problems;

    public RestProblemAdvice(ExceptionProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> handle(Exception failure, HttpServletRequest request,
                                                HttpServletResponse response) throws Exception {
        if (response.isCommitted()) {
            // A download failed half-way. The status is sent; left unresolved, the exception makes the container
            // close the connection (and log the stack trace), so the client sees less than its Content-Length.
            if (failure instanceof IOException) {
                LOG.warn("{} {} broken off: {}", request.getMethod(), request.getRequestURI(), failure.toString());
            } else {
                LOG.error("{} {} failed after the response started; the connection is cut: {}", request.getMethod(),
                        request.getRequestURI(), failure.toString());
            }
            throw failure;
        }
        return problems.answer(failure, request);
    }
}
