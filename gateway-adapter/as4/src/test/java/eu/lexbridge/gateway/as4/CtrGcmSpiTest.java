package eu.lexbridge.gateway.as4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CtrGcmSpiTest {

    @Test
    void theNistTestVectorWithAssociatedData() throws Exception {
        // GCM specification (McGrew and Viega), test case 4: AES-128, 96-bit IV, 20 bytes of AAD, 60 bytes of text
        var hex = HexFormat.of();
        byte[] key = hex.parseHex("feffe9928665731c6d6a8f9467308308");
        byte[] iv = hex.parseHex("cafebabefacedbaddecaf888");
        byte[] plain = hex.parseHex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532"
                + "fcf0e2449a6b525b16aedf5aa0de657ba637b39");
        byte[] aad = hex.parseHex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
        String expected = "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84"
                + "aa051ba30b396a0aac973d58e091" + "5bc94fbc3221a5db94fae95ae7121a47";

        Cipher cipher = ctrGcm();
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        cipher.updateAAD(aad);
        var out = new ByteArrayOutputStream();
        for (int i = 0; i < plain.length; i += 7) {
            out.writeBytes(cipher.update(plain, i, Math.min(7, plain.length - i)));
        }
        out.writeBytes(cipher.doFinal());
        assertThat(hex.formatHex(out.toByteArray())).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 16, 17, 4095, 65_536, 1_000_003})
    void inPiecesOfAnySizeItGivesTheJdksBytesBothWays(int size) throws Exception {
        Random random = new Random(size);
        byte[] key = bytes(random, 32);
        byte[] iv = bytes(random, 12);
        byte[] aad = bytes(random, random.nextInt(40));
        byte[] plain = bytes(random, size);
        Cipher jdk = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
        jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        jdk.updateAAD(aad);
        byte[] sealed = jdk.doFinal(plain);

        Cipher encrypt = ctrGcm();
        encrypt.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        encrypt.updateAAD(aad);
        assertThat(inPieces(encrypt, plain, random)).isEqualTo(sealed);

        Cipher decrypt = ctrGcm();
        decrypt.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        decrypt.updateAAD(aad);
        assertThat(inPieces(decrypt, sealed, random)).isEqualTo(plain);
    }

    @Test
    void aChangedByteOrTagOrAadFailsAtTheEnd() throws Exception {
        Random random = new Random(3);
        SecretKeySpec key = new SecretKeySpec(bytes(random, 16), "AES");
        GCMParameterSpec iv = new GCMParameterSpec(128, bytes(random, 12));
        byte[] aad = bytes(random, 13);
        Cipher encrypt = ctrGcm();
        encrypt.init(Cipher.ENCRYPT_MODE, key, iv);
        encrypt.updateAAD(aad);
        byte[] sealed = encrypt.doFinal(bytes(random, 5000));
        for (int position : new int[] {0, 2500, sealed.length - 1}) {
            byte[] changed = sealed.clone();
            changed[position] ^= 1;
            Cipher decrypt = ctrGcm();
            decrypt.init(Cipher.DECRYPT_MODE, key, iv);
            decrypt.updateAAD(aad);
            assertThatThrownBy(() -> inPieces(decrypt, changed, random)).as("byte " + position)
                    .isInstanceOf(AEADBadTagException.class);
        }
        Cipher otherAad = ctrGcm();
        otherAad.init(Cipher.DECRYPT_MODE, key, iv);
        otherAad.updateAAD(bytes(random, 13));
        assertThatThrownBy(() -> inPieces(otherAad, sealed, random)).isInstanceOf(AEADBadTagException.class);
        Cipher truncated = ctrGcm();
        truncated.init(Cipher.DECRYPT_MODE, key, iv);
        assertThatThrownBy(() -> truncated.doFinal(new byte[10])).isInstanceOf(AEADBadTagException.class);
    }

    @Test
    void onlyA96BitIvAndAnAesKeyAreTaken() {
        Cipher cipher = ctrGcm();
        assertThatThrownBy(() -> cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[16], "AES"),
                new GCMParameterSpec(128, new byte[16]))).isInstanceOf(
                        java.security.InvalidAlgorithmParameterException.class);
        assertThatThrownBy(() -> cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[10], "AES"),
                new GCMParameterSpec(128, new byte[12]))).isInstanceOf(java.security.InvalidKeyException.class);
    }

    /** Feeds the input in pieces of random sizes, as a stream does, and collects all output. */
    private static byte[] inPieces(Cipher cipher, byte[] input, Random random) throws Exception {
        var out = new ByteArrayOutputStream();
        int position = 0;
        while (position < input.length) {
            int n = Math.min(input.length - position, 1 + random.nextInt(20_000));
            byte[] piece = cipher.update(input, position, n);
            if (piece != null) {
                out.writeBytes(piece);
            }
            position += n;
        }
        out.writeBytes(cipher.doFinal());
        return out.toByteArray();
    }

    private static Cipher ctrGcm() {
        return new Cipher(new CtrGcmSpi(), StreamingGcmProvider.CTR_GCM, "AES/GCM/NoPadding") {
        };
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
