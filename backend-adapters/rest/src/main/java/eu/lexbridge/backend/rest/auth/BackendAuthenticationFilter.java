package eu.lexbridge.backend.rest.auth;

import eu.lexbridge.backend.rest.problem.ProblemCatalogue;
import eu.lexbridge.backend.rest.problem.ProblemResponseWriter;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.core.port.BackendCertificates;
import eu.lexbridge.core.port.SecurityEvents;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every back-end API call before anything of the request is read, so an unknown caller cannot make the
 * connector parse or store an upload. A back-end proves itself with its {@code Authorization: Bearer} token or with
 * its client certificate over mutual TLS ({@link BackendCertificates}, the identity the SOAP API knows it by); a call
 * that carries both must name one back-end with both. Refusals go to the security log, without the token.
 */
public final class BackendAuthenticationFilter extends OncePerRequestFilter {

    /** The MDC key that names the calling back-end on every log line of its request. */
    public static final String MDC_BACKEND = "backendName";

    /** Where the servlet container puts the client's certificate chain of a mutual TLS connection. */
    static final String CLIENT_CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    private static final String BEARER = "Bearer ";
    private static final int MAX_TOKEN_LENGTH = 4096;
    private static final String CREDENTIALS_REQUIRED =
            "a valid bearer token (Authorization: Bearer <token>) or a back-end's client certificate is required";

    private final BackendTokens tokens;
    private final BackendCertificates certificates;
    private final ProblemResponseWriter problems;
    private final SecurityEvents security;

    public BackendAuthenticationFilter(BackendTokens tokens, BackendCertificates certificates,
                                       ProblemResponseWriter problems, SecurityEvents security) {
        this.tokens = tokens;
        this.certificates = certificates;
        this.problems = problems;
        this.security = security;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        X509Certificate certificate = clientCertificate(request);
        Optional<String> byCertificate = certificates.backendOf(certificate);
        String token = bearerToken(request.getHeader(HttpHeaders.AUTHORIZATION));
        Optional<String> byToken = token == null ? Optional.empty() : tokens.backendFor(token);
        if (token != null && byToken.isEmpty()) {
            refuse(request, response, "unknown bearer token", true, CREDENTIALS_REQUIRED);
            return;
        }
        if (byToken.isPresent() && byCertificate.isPresent() && !byToken.equals(byCertificate)) {
            refuse(request, response, "the bearer token is back-end " + byToken.get()
                            + "'s and the client certificate back-end " + byCertificate.get() + "'s", true,
                    "the bearer token and the client certificate belong to different back-ends; call with the "
                            + "credentials of one back-end");
            return;
        }
        Optional<String> backend = byToken.or(() -> byCertificate);
        if (backend.isEmpty()) {
            refuse(request, response, certificate == null ? "no bearer token"
                    : "no bearer token, and the client certificate (" + LogSafe.of(
                    certificate.getSubjectX500Principal().getName()) + ") is no back-end's", false,
                    CREDENTIALS_REQUIRED);
            return;
        }
        request.setAttribute(AuthenticatedBackend.ATTRIBUTE, new AuthenticatedBackend(backend.get()));
        try (var ignored = MDC.putCloseable(MDC_BACKEND, backend.get())) {
            chain.doFilter(request, response);
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String reason, boolean invalid,
                        String detail) throws IOException {
        security.record(SecurityEvents.Kind.BACKEND_ACCESS_REFUSED, "back-end API call refused: " + reason + " ("
                + LogSafe.of(request.getMethod()) + " " + LogSafe.of(request.getRequestURI()) + " from "
                + request.getRemoteAddr() + ")");
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, invalid
                ? "Bearer realm=\"lexbridge\", error=\"invalid_token\""
                : "Bearer realm=\"lexbridge\"");
        problems.write(response, ProblemCatalogue.problem(ErrorCode.NOT_AUTHENTICATED, null, detail,
                request.getRequestURI()));
    }

    /** The client's own certificate (the first of its chain), or null on a connection without one. */
    private static X509Certificate clientCertificate(HttpServletRequest request) {
        Object chain = request.getAttribute(CLIENT_CERTIFICATES);
        return chain instanceof X509Certificate[] certificates && certificates.length > 0 ? certificates[0] : null;
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
