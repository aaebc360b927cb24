package eu.lexbridge.gateway.as4;

import com.helger.http.EHttpMethod;
import com.helger.http.EHttpVersion;
import com.helger.mime.CMimeType;
import com.helger.phase4.servlet.AS4UnifiedResponse;
import com.helger.phase4.servlet.AS4XServletHandler;
import com.helger.web.scope.IRequestWebScope;
import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.core.port.SecurityEvents;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * phase4's servlet handler, except for a request phase4 cannot process at all (no ebMS error can be built): phase4
 * would log the stack trace as an ERROR and send it, class names included, to the caller. Here the caller gets the
 * status and one sentence, the log one line, and the security log an event.
 */
final class QuietServletHandler extends AS4XServletHandler {

    private static final Logger LOG = LoggerFactory.getLogger(QuietServletHandler.class);
    static final String SENTENCE = "The request is not a readable AS4 message.";

    private final SecurityEvents security;

    QuietServletHandler(SecurityEvents security) {
        this.security = security;
    }

    @Override
    public AS4UnifiedResponse createUnifiedResponse(EHttpVersion version, EHttpMethod method,
                                                    HttpServletRequest request, IRequestWebScope requestScope) {
        return new QuietResponse(version, method, request, security);
    }

    private static final class QuietResponse extends AS4UnifiedResponse {

        private final String remote;
        private final SecurityEvents security;

        QuietResponse(EHttpVersion version, EHttpMethod method, HttpServletRequest request, SecurityEvents security) {
            super(version, method, request);
            this.remote = request.getRemoteAddr();
            this.security = security;
        }

        @Override
        public void setResponseError(int status, String message, Throwable cause) {
            String reason = message + (cause == null ? "" : " (" + cause + ")");
            if (status >= 500) {
                // Not the caller's fault: the stack trace is for us, never for the caller.
                LOG.error("AS4 request from {} failed with HTTP {}: {}", LogSafe.of(remote), status,
                        LogSafe.of(reason, 1024), cause);
            } else {
                security.record(SecurityEvents.Kind.UNSAFE_INPUT, "AS4 request from " + remote
                        + " refused with HTTP " + status + ": " + reason);
            }
            setContentAndCharset(status >= 500 ? "The request could not be processed." : SENTENCE,
                    StandardCharsets.UTF_8);
            setMimeType(CMimeType.TEXT_PLAIN);
            setStatus(status);
        }
    }
}
