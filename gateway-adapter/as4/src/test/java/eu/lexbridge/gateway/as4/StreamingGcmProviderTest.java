package eu.lexbridge.gateway.as4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Random;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class StreamingGcmProviderTest {

    private static final StreamingGcmProvider PROVIDER = new StreamingGcmProvider();
    private static final SecretKeySpec KEY = new SecretKeySpec(bytes(16, 1), "AES");
    private static final GCMParameterSpec IV = new GCMParameterSpec(128, bytes(12, 2));
    private static final byte[] AAD = bytes(13, 4);

    @Test
    void streamedEncryptionAndDecryptionRunOnTheCounterModeGcmWithTheJdksBytes() throws Exception {
        byte[] plain = bytes(3 << 20, 3);
        SplitCipher encryptor = split();
        Cipher encrypt = encryptor.cipher();
        encrypt.init(Cipher.ENCRYPT_MODE, KEY, IV);
        encrypt.updateAAD(AAD);
        byte[] sealed = encrypt.doFinal(plain);
        assertThat(encryptor.spi().implementation()).isEqualTo("SunJCE");
        // In pieces, as WSS4J encrypts an attachment: the counter-mode GCM (the JDK's stops at 2 GiB), the same bytes.
        SplitCipher streamer = split();
        streamer.cipher().init(Cipher.ENCRYPT_MODE, KEY, IV);
        streamer.cipher().updateAAD(AAD);
        try (InputStream in = new CipherInputStream(new ByteArrayInputStream(plain), streamer.cipher())) {
            assertThat(in.readAllBytes()).isEqualTo(sealed);
        }
        assertThat(streamer.spi().implementation()).isEqualTo("LexBridgeCtrGcm");
        // The same as the JDK's own encryption: the wire does not change.
        Cipher jdk = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
        jdk.init(Cipher.ENCRYPT_MODE, KEY, IV);
        jdk.updateAAD(AAD);
        assertThat(sealed).isEqualTo(jdk.doFinal(plain));

        SplitCipher decryptor = split();
        Cipher decrypt = decryptor.cipher();
        decrypt.init(Cipher.DECRYPT_MODE, KEY, IV);
        // Before the implementation is chosen: replayed to it.
        decrypt.updateAAD(AAD);
        try (InputStream in = new CipherInputStream(new ByteArrayInputStream(sealed), decrypt)) {
            assertThat(in.readAllBytes()).isEqualTo(plain);
        }
        assertThat(decryptor.spi().implementation()).isEqualTo("LexBridgeCtrGcm");
    }

    @Test
    void aDecryptionInOneCallRunsOnTheJdk() throws Exception {
        byte[] plain = bytes(1000, 5);
        SplitCipher encryptor = split();
        Cipher encrypt = encryptor.cipher();
        encrypt.init(Cipher.ENCRYPT_MODE, KEY, IV);
        byte[] sealed = encrypt.doFinal(plain);

        SplitCipher decryptor = split();
        Cipher decrypt = decryptor.cipher();
        decrypt.init(Cipher.DECRYPT_MODE, KEY, IV);
        ByteBuffer out = ByteBuffer.allocate(plain.length);
        decrypt.doFinal(ByteBuffer.wrap(sealed), out);
        assertThat(out.array()).isEqualTo(plain);
        assertThat(decryptor.spi().implementation()).isEqualTo("SunJCE");
    }

    @Test
    void aTlsRecordRunsOnTheJdkThoughItsSizeIsAskedFirst() throws Exception {
        // what the JDK's TLS 1.3 record ciphers do for every record: init, the header as AAD, the output size, then
        // one doFinal; choosing at the size question put all HTTPS traffic on Bouncy Castle's pure-Java AES
        byte[] plain = bytes(16_384, 8);
        SplitCipher writer = split();
        Cipher write = writer.cipher();
        write.init(Cipher.ENCRYPT_MODE, KEY, IV);
        write.updateAAD(AAD);
        ByteBuffer sealed = ByteBuffer.allocate(write.getOutputSize(plain.length));
        write.doFinal(ByteBuffer.wrap(plain), sealed);
        assertThat(sealed.position()).isEqualTo(plain.length + 16);
        assertThat(writer.spi().implementation()).isEqualTo("SunJCE");

        SplitCipher reader = split();
        Cipher read = reader.cipher();
        read.init(Cipher.DECRYPT_MODE, KEY, IV);
        read.updateAAD(AAD);
        sealed.flip();
        ByteBuffer opened = ByteBuffer.allocate(read.getOutputSize(sealed.remaining()));
        read.doFinal(sealed, opened);
        assertThat(opened.array()).isEqualTo(plain);
        assertThat(reader.spi().implementation()).isEqualTo("SunJCE");
    }

    @Test
    void aTamperedCiphertextFailsAtTheEndOfTheStream() throws Exception {
        SplitCipher encryptor = split();
        Cipher encrypt = encryptor.cipher();
        encrypt.init(Cipher.ENCRYPT_MODE, KEY, IV);
        byte[] sealed = encrypt.doFinal(bytes(100_000, 6));
        sealed[50_000] ^= 1;
        SplitCipher decryptor = split();
        Cipher decrypt = decryptor.cipher();
        decrypt.init(Cipher.DECRYPT_MODE, KEY, IV);
        assertThatThrownBy(() -> {
            try (InputStream in = new CipherInputStream(new ByteArrayInputStream(sealed), decrypt)) {
                in.readAllBytes();
            }
        }).isInstanceOf(IOException.class).hasCauseInstanceOf(AEADBadTagException.class);
    }

    @Test
    void aDecryptionWithoutItsIvOrWithANonAesKeyIsRefusedAtInit() throws Exception {
        SplitCipher decryptor = split();
        Cipher decrypt = decryptor.cipher();
        assertThatThrownBy(() -> decrypt.init(Cipher.DECRYPT_MODE, KEY))
                .isInstanceOf(java.security.InvalidKeyException.class);
        assertThatThrownBy(() -> decrypt.init(Cipher.DECRYPT_MODE, new SecretKeySpec(bytes(10, 7), "AES"), IV))
                .isInstanceOf(java.security.InvalidKeyException.class);
    }

    /** A cipher over the provider's split implementation, and that implementation, whose choice the test sees. */
    private record SplitCipher(Cipher cipher, StreamingGcmProvider.Split spi) {
    }

    private static SplitCipher split() {
        StreamingGcmProvider.Split spi = new StreamingGcmProvider.Split();
        return new SplitCipher(new Cipher(spi, PROVIDER, "AES/GCM/NoPadding") {
        }, spi);
    }

    private static byte[] bytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
