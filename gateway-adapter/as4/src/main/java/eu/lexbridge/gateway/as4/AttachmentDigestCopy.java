package eu.lexbridge.gateway.as4;

import java.io.FilterOutputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops Santuario from keeping a copy of an attachment while it digests it for a signature check. WSS4J's signature
 * processor sets {@code javax.xml.crypto.dsig.cacheReference} (it reads each reference's dereferenced data to learn
 * what was signed), and with it Santuario's {@code DigesterOutputStream} keeps every digested byte for
 * {@code Reference.getDigestInputStream()} — which WSS4J never reads: for a 50 MB attachment 127 MB of growing arrays
 * plus a 50 MB copy, past 1 GB an array too large for Java. The digest itself is not touched.
 *
 * <p>Neither the flag nor the stream can be reached through an API: the digester is a local variable of Santuario's
 * {@code DOMReference}, handed to the transform behind a {@code FilterOutputStream} (whose field {@code java.base}
 * does not open, hence {@code sun.misc.Unsafe} to read it) and its {@code buffer} flag is private. If either is not
 * there (another Santuario), this does nothing and says so once: the copy is kept, as before.
 */
final class AttachmentDigestCopy {

    private static final Logger LOG = LoggerFactory.getLogger(AttachmentDigestCopy.class);
    private static final String DIGESTER = "org.apache.jcp.xml.dsig.internal.DigesterOutputStream";

    private static final sun.misc.Unsafe UNSAFE;
    private static final long FILTER_OUT;
    private static final Class<?> DIGESTER_CLASS;
    private static final Field DIGESTER_BUFFER;

    static {
        sun.misc.Unsafe unsafe = null;
        long out = -1;
        Class<?> digester = null;
        Field buffer = null;
        try {
            Field theUnsafe = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            theUnsafe.setAccessible(true);
            unsafe = (sun.misc.Unsafe) theUnsafe.get(null);
            out = unsafe.objectFieldOffset(FilterOutputStream.class.getDeclaredField("out"));
            digester = Class.forName(DIGESTER, false, AttachmentDigestCopy.class.getClassLoader());
            buffer = digester.getDeclaredField("buffer");
            buffer.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("attachment digests keep their copy in the heap ({}: {}); large payloads need a larger heap",
                    e.getClass().getSimpleName(), e.getMessage());
            unsafe = null;
        }
        UNSAFE = unsafe;
        FILTER_OUT = out;
        DIGESTER_CLASS = digester;
        DIGESTER_BUFFER = buffer;
    }

    private AttachmentDigestCopy() {
    }

    /** Whether this JVM's Santuario has the digester this class knows how to switch. */
    static boolean available() {
        return UNSAFE != null;
    }

    /**
     * Switches off the copy of the digester behind {@code os}, if {@code os} is Santuario's buffered stream over one.
     *
     * @return whether a copying digester was found and switched off
     */
    static boolean drop(OutputStream os) {
        if (UNSAFE == null || !(os instanceof FilterOutputStream)) {
            return false;
        }
        Object inner = UNSAFE.getObject(os, FILTER_OUT);
        if (!DIGESTER_CLASS.isInstance(inner)) {
            return false;
        }
        try {
            if (!DIGESTER_BUFFER.getBoolean(inner)) {
                return false;
            }
            DIGESTER_BUFFER.setBoolean(inner, false);
            return true;
        } catch (IllegalAccessException e) {
            return false;
        }
    }
}
