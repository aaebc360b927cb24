package eu.lexbridge.backend.rest.tomcat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.lexbridge.backend.rest.problem.ProblemCatalogue;
import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

/**
 * Tomcat's error report, as an RFC 9457 problem instead of Tomcat's HTML page: what Tomcat refuses before any servlet
 * runs (an encoded '/' in the path, an over-long URI or header, a malformed request line) and any error response
 * that has no body yet. Names no server, version, class or stack trace.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    private final ObjectMapper mapper;

    public ProblemErrorReportValve(ObjectMapper mapper) {
        this.mapper = mapper.copy().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable failure) {
        int status = response.getStatus();
        // As Tomcat's own valve: only errors, only when nothing was written, and only once.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String body;
        try {
            body = mapper.writeValueAsString(ProblemCatalogue.forStatus(status));
        } catch (JsonProcessingException e) {
            return;
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response is in use: nothing more to tell it.
        }
    }
}
