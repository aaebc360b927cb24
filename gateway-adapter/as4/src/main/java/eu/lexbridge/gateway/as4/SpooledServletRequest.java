package eu.lexbridge.gateway.as4;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The request as phase4 sees it: the body is the {@link SpooledRequest}'s rewritten stream, so the original
 * Content-Length and Transfer-Encoding no longer apply and are hidden.
 */
final class SpooledServletRequest extends HttpServletRequestWrapper {

    private static final Set<String> HIDDEN = Set.of("content-length", "transfer-encoding");

    private final SpooledRequest spooled;
    private ServletInputStream body;

    SpooledServletRequest(HttpServletRequest request, SpooledRequest spooled) {
        super(request);
        this.spooled = spooled;
    }

    @Override
    public ServletInputStream getInputStream() {
        if (body == null) {
            body = new Body(spooled.forPhase4());
        }
        return body;
    }

    @Override
    public int getContentLength() {
        return -1;
    }

    @Override
    public long getContentLengthLong() {
        return -1;
    }

    @Override
    public String getHeader(String name) {
        return hidden(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        List<String> names = Collections.list(super.getHeaderNames()).stream().filter(name -> !hidden(name)).toList();
        return Collections.enumeration(names);
    }

    @Override
    public long getDateHeader(String name) {
        return hidden(name) ? -1 : super.getDateHeader(name);
    }

    @Override
    public int getIntHeader(String name) {
        return hidden(name) ? -1 : super.getIntHeader(name);
    }

    private static boolean hidden(String name) {
        return name != null && HIDDEN.contains(name.toLowerCase(Locale.ROOT));
    }

    private static final class Body extends ServletInputStream {
        private final InputStream in;
        private boolean finished;

        Body(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            finished = b < 0;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            finished = n < 0;
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        @Override
        public boolean isFinished() {
            return finished;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("the spooled AS4 request is read blocking");
        }
    }
}
