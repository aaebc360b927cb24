package eu.lexbridge.backend.rest.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.http.ProblemDetail;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers failures of back-end API calls that no controller of ours handles: the DispatcherServlet parses multipart
 * uploads before it chooses a controller, so a too-large upload never reaches the controller advice; an unknown path
 * or method fails in the handler lookup.
 */
public final class EarlyFailureResolver implements HandlerExceptionResolver, Ordered {

    private final String pathPrefix;
    private final ExceptionProblems problems;
    private final ProblemResponseWriter writer;

    public EarlyFailureResolver(String pathPrefix, ExceptionProblems problems, ProblemResponseWriter writer) {
        this.pathPrefix = pathPrefix;
        this.problems = problems;
        this.writer = writer;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception failure) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (handler instanceof HandlerMethod || !path.startsWith(pathPrefix) || response.isCommitted()) {
            return null; // a controller's failure is the advice's; other paths are not ours
        }
        try {
            var answer = problems.answer(failure, request);
            answer.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
            ProblemDetail body = answer.getBody();
            writer.write(response, body);
            return new ModelAndView();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
