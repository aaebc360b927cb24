package eu.lexbridge.gateway.as4;

import com.helger.http.EHttpMethod;
import com.helger.xservlet.AbstractXServlet;
import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.core.port.PartnerDirectory;
import eu.lexbridge.core.port.SecurityEvents;
import eu.lexbridge.core.port.TransmissionReceiver;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AS4 endpoint (e.g. {@code /as4}): HTTP POST only. Each request is first read to disk within
 * {@link InboundLimits} ({@link SpooledRequest}); only a request within them whose envelope is a well-formed SOAP
 * envelope reaches phase4, which then holds no more than the envelope in the heap. Instantiate it only after
 * {@link As4Runtime#start} — phase4 needs its global scope — and map it in the servlet container yourself.
 */
public class As4ReceivingServlet extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(As4ReceivingServlet.class);
    /** Below phase4's data directory; emptied at start, as a crash may have left parts behind. */
    static final String SPOOL = "incoming-spool";
    /** How much of a refused body is read and dropped before the connection closes ({@link #swallowSome}). */
    static final long SWALLOW_BYTES = 16L << 20;
    static final Duration SWALLOW_TIME = Duration.ofSeconds(5);

    private final transient Phase4Servlet phase4;
    private final transient InboundLimits limits;
    private final transient SecurityEvents security;
    private final transient Path spoolDirectory;
    /** Spooling needs no heap to speak of; phase4's processing does (the envelope's DOM), so it is taken in turns. */
    private final transient Semaphore turns;

    /** @param security where refused messages and requests are recorded as security events */
    public As4ReceivingServlet(As4Settings settings, PartnerDirectory partners, TransmissionReceiver receiver,
                               SecurityEvents security, InboundLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.security = Objects.requireNonNull(security, "security");
        this.spoolDirectory = settings.dataDirectory().resolve(SPOOL);
        this.turns = new Semaphore(limits.maxConcurrentMessages(), true);
        this.phase4 = new Phase4Servlet(new ReceivingRequestCustomizer(settings, partners, receiver, security),
                security);
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        phase4.init(config);
        try {
            Files.createDirectories(spoolDirectory);
            try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(spoolDirectory)) {
                for (Path file : leftovers) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new ServletException("cannot prepare the AS4 spool directory " + spoolDirectory, e);
        }
    }

    @Override
    public void destroy() {
        phase4.destroy();
        super.destroy();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            answer(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "The AS4 endpoint accepts POST only.");
            return;
        }
        SpooledRequest spooled;
        try {
            spooled = SpooledRequest.read(request, limits, spoolDirectory);
        } catch (RequestRefused e) {
            security.record(e.kind(), "AS4 request from " + request.getRemoteAddr() + " refused with HTTP "
                    + e.httpStatus() + ": " + e.sentence());
            // The rest of an oversized body is not taken: at most a little of it is dropped, then the connection closes.
            response.setHeader("Connection", "close");
            answer(response, e.httpStatus(), e.sentence());
            swallowSome(request, response);
            return;
        } catch (SpooledRequest.NoSpace e) {
            LOG.error("AS4 request from {} not taken: {}", LogSafe.of(request.getRemoteAddr()), e.getMessage(),
                    e.getCause());
            response.setHeader("Connection", "close");
            answer(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "The access point cannot take the request now.");
            return;
        }
        try (spooled) {
            if (!awaitTurn()) {
                LOG.warn("AS4 request from {} not taken: {} messages in processing for {}",
                        LogSafe.of(request.getRemoteAddr()), limits.maxConcurrentMessages(), limits.waitForTurn());
                response.setHeader("Retry-After", "60");
                answer(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                        "The access point is busy; send the message again later.");
                return;
            }
            TryAgainLater tryAgainLater = new TryAgainLater();
            HeldResponse held = new HeldResponse(response);
            try {
                request.setAttribute(SpooledRequest.ATTRIBUTE, spooled);
                request.setAttribute(TryAgainLater.ATTRIBUTE, tryAgainLater);
                phase4.service(new SpooledServletRequest(request, spooled), held);
            } finally {
                request.removeAttribute(SpooledRequest.ATTRIBUTE);
                request.removeAttribute(TryAgainLater.ATTRIBUTE);
                turns.release();
            }
            if (tryAgainLater.isSet()) {
                // phase4's error signal is dropped: the sender must not take this for a refusal
                response.reset();
                response.setHeader("Retry-After", "30");
                answer(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                        "The connector cannot take the message now; send it again later.");
            } else {
                held.release();
            }
        }
    }

    /**
     * Sends the refusal, then reads and drops a little of the body the sender is still sending before the connection
     * closes: closing a socket with unread bytes resets it, and the reset can take the refusal with it on the sender's
     * side, which then sees a broken connection instead of a 413. Bounded in bytes and time, as Tomcat's
     * {@code maxSwallowSize} bounds the same thing.
     */
    private static void swallowSome(HttpServletRequest request, HttpServletResponse response) {
        long deadline = System.nanoTime() + SWALLOW_TIME.toNanos();
        try {
            response.flushBuffer();
            var in = request.getInputStream();
            byte[] buffer = new byte[16 * 1024];
            long left = SWALLOW_BYTES;
            int n;
            while (left > 0 && System.nanoTime() < deadline
                    && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
                left -= n;
            }
        } catch (IOException | IllegalStateException e) {
            // the sender hung up, or the body was already taken: nothing is left to drop
        }
    }

    private boolean awaitTurn() {
        try {
            return turns.tryAcquire(limits.waitForTurn().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void answer(HttpServletResponse response, int status, String sentence) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        byte[] body = (sentence + "\n").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** phase4's own servlet, reached only through {@link #service}. */
    private static final class Phase4Servlet extends AbstractXServlet {

        Phase4Servlet(ReceivingRequestCustomizer customizer, SecurityEvents security) {
            // phase4 parses the MIME multipart itself and must see the raw stream.
            settings().setMultipartEnabled(false);
            QuietServletHandler handler = new QuietServletHandler(security);
            handler.setRequestHandlerCustomizer(customizer);
            handlerRegistry().registerHandler(EHttpMethod.POST, handler);
        }
    }
}
