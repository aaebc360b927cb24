package eu.lexbridge.app.management;

import eu.lexbridge.core.port.SecurityEvents;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps web pages out of the management port before any credential is looked at. A page in an operator's browser
 * can send requests to {@code 127.0.0.1} (with the browser's remembered credentials) or rebind its own host name to
 * it; so a request is refused when its {@code Host} is not one of the management port's names (DNS rebinding), when
 * its {@code Origin} is another web origin than the port's own or a configured one (a {@code text/plain} POST needs
 * no preflight), or when the browser says it comes from another site ({@code Sec-Fetch-Site}: an image or a link
 * sends no {@code Origin}).
 */
final class ManagementRequestGuard extends OncePerRequestFilter {

    private final Set<String> hosts;
    private final Set<String> origins;
    private final SecurityEvents security;

    /**
     * @param hosts the host names callers may address, lower case, IPv6 addresses without brackets
     * @param origins the web origins, besides the port's own, whose pages may call it
     */
    ManagementRequestGuard(Set<String> hosts, Set<String> origins, SecurityEvents security) {
        this.hosts = Set.copyOf(hosts);
        this.origins = Set.copyOf(origins);
        this.security = security;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String host = hostName(request.getServerName());
        if (!hosts.contains(host)) {
            refuse(request, response, "Host " + request.getServerName() + " is not a name of the management port",
                    "The Host header names no address of this management port.");
            return;
        }
        String origin = request.getHeader("Origin");
        boolean allowedOrigin = origin != null && origins.contains(origin);
        if (origin != null && !allowedOrigin && !origin.equals(ownOrigin(request))) {
            refuse(request, response, "Origin " + origin + " is not allowed",
                    "Requests from another web origin are refused on the management port.");
            return;
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if (!allowedOrigin && site != null && !site.equals("same-origin") && !site.equals("none")) {
            refuse(request, response, "a request from another site (Sec-Fetch-Site " + site + ")",
                    "Requests from another web site are refused on the management port.");
            return;
        }
        if (jolokiaOperationByGet(request)) {
            refuse(request, response, "a Jolokia operation by GET",
                    "Jolokia operations and writes are accepted by POST only.");
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * A Jolokia exec or write sent as a GET URL: an image or link in an older browser sends neither Origin nor
     * Sec-Fetch-Site, but with remembered credentials; operations therefore come by POST only (as Hawtio sends them),
     * reads stay open to GET.
     */
    private static boolean jolokiaOperationByGet(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return false;
        }
        String path = request.getRequestURI().toLowerCase(Locale.ROOT);
        int jolokia = path.indexOf("/jolokia");
        if (jolokia < 0) {
            return false;
        }
        String rest = path.substring(jolokia + "/jolokia".length());
        String p = request.getParameter("p");
        if (p != null) {
            rest = rest + "/" + p.toLowerCase(Locale.ROOT);
        }
        for (String segment : rest.split("/+")) {
            if (!segment.isEmpty()) {
                return segment.equals("exec") || segment.equals("write");
            }
        }
        return false;
    }

    /** The origin a page served by this port would send: only a name that passed the host check gets here. */
    private static String ownOrigin(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        String host = request.getServerName();
        host = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    static String hostName(String name) {
        String host = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String why, String detail)
            throws IOException {
        security.record(SecurityEvents.Kind.MANAGEMENT_ACCESS_REFUSED, request.getMethod() + " "
                + request.getRequestURI() + " from " + request.getRemoteAddr() + ": " + why);
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(("{\"title\":\"Forbidden\",\"status\":403,\"detail\":\"" + detail + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
