package eu.lexbridge.gateway.as4;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.Random;
import org.apache.jcp.xml.dsig.internal.DigesterOutputStream;
import org.apache.xml.security.utils.UnsyncBufferedOutputStream;
import org.junit.jupiter.api.Test;

/** Against the Santuario on the class path: a new version that moves these internals fails here, not in production. */
class AttachmentDigestCopyTest {

    @Test
    void theCachingDigesterStopsCopyingAndStillDigestsEveryByte() throws Exception {
        byte[] content = new byte[1 << 20];
        new Random(5).nextBytes(content);
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        // As Santuario's DOMReference builds it when cacheReference is set (WSS4J's signature check).
        DigesterOutputStream digester = new DigesterOutputStream(md, true);
        OutputStream os = new UnsyncBufferedOutputStream(digester);

        assertThat(AttachmentDigestCopy.available()).isTrue();
        assertThat(AttachmentDigestCopy.drop(os)).isTrue();
        os.write(content);
        os.flush();

        assertThat(digester.getDigestValue()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(content));
        assertThat(digester.getInputStream()).as("no copy kept").isNull();
        assertThat(AttachmentDigestCopy.drop(os)).as("already off").isFalse();
    }

    @Test
    void otherStreamsAreLeftAlone() {
        assertThat(AttachmentDigestCopy.drop(OutputStream.nullOutputStream())).isFalse();
        assertThat(AttachmentDigestCopy.drop(new UnsyncBufferedOutputStream(OutputStream.nullOutputStream())))
                .isFalse();
        assertThat(AttachmentDigestCopy.drop(new UnsyncBufferedOutputStream(
                new DigesterOutputStream(sha256())))).as("a digester that does not copy").isFalse();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
