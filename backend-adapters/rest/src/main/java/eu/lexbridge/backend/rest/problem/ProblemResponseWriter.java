package eu.lexbridge.backend.rest.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

/** Writes a problem straight to the servlet response, for failures that happen where no controller answers. */
public final class ProblemResponseWriter {

    private final ObjectMapper mapper;

    public ProblemResponseWriter(ObjectMapper mapper) {
        // The mixin puts extension members (code, field) at the top level, as RFC 9457 wants; a copy so that the
        // application's own mapper is left as it was.
        this.mapper = mapper.copy().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);
    }

    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), problem);
    }
}
