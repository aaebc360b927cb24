package eu.lexbridge.backend.rest.auth;

import eu.lexbridge.backend.rest.problem.ProblemCatalogue;
import eu.lexbridge.backend.rest.problem.ProblemResponseWriter;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.port.SecurityEvents;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every back-end API call by its {@code Authorization: Bearer} token before anything of the request is
 * read, so an unknown caller cannot make the connector parse or store an upload. Refusals go to the security log,
 * without the token.
 */
public final class BearerTokenFilter extends OncePerRequestFilter {

    /** The MDC key that names the calling back-end on every log line of its request. */
    public static final String MDC_BACKEND = "backendName";

    private static final String BEARER = "Bearer ";
    private static final int MAX_TOKEN_LENGTH = 4096;

    private final BackendTokens tokens;
    private final ProblemResponseWriter problems;
    private final SecurityEvents security;

    public BearerTokenFilter(BackendTokens tokens, ProblemResponseWriter problems, SecurityEvents security) {
        this.tokens = tokens;
        this.problems = problems;
        this.security = security;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = bearerToken(request.getHeader(HttpHeaders.AUTHORIZATION));
        Optional<String> backend = token == null ? Optional.empty() : tokens.backendFor(token);
        if (backend.isEmpty()) {
            refuse(request, response, token == null ? "no bearer token" : "unknown bearer token");
            return;
        }
        request.setAttribute(AuthenticatedBackend.ATTRIBUTE, new AuthenticatedBackend(backend.get()));
        try (var ignored = MDC.putCloseable(MDC_BACKEND, backend.get())) {
            chain.doFilter(request, response);
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String reason) throws IOException {
        security.record(SecurityEvents.Kind.BACKEND_ACCESS_REFUSED, "back-end API call refused: " + reason + " ("
                + request.getMethod() + " " + request.getRequestURI() + " from " + request.getRemoteAddr() + ")");
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "no bearer token".equals(reason)
                ? "Bearer realm=\"lexbridge\""
                : "Bearer realm=\"lexbridge\", error=\"invalid_token\"");
        problems.write(response, ProblemCatalogue.problem(ErrorCode.NOT_AUTHENTICATED, null,
                "a valid bearer token is required (Authorization: Bearer <token>)", request.getRequestURI()));
    }

    private static String bearerToken(String header) {
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = header.substring(BEARER.length()).strip();
        return token.isEmpty() || token.length() > MAX_TOKEN_LENGTH ? null : token;
    }
}
