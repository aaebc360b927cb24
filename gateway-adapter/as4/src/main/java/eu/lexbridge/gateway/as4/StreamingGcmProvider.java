package eu.lexbridge.gateway.as4;

import java.nio.ByteBuffer;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.security.spec.AlgorithmParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.CipherSpi;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.GCMParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * AES-GCM for a JVM that receives large AS4 attachments. The JDK's AES-GCM decryption holds back all plaintext until
 * it has checked the tag at the end: through a {@code CipherInputStream} (how WSS4J decrypts an attachment) it keeps
 * the whole ciphertext in the heap, and on JDK 17 re-copies it for every chunk (JDK-8298249: a 50 MB attachment took
 * over two minutes). WSS4J asks for {@code AES/GCM/NoPadding} without naming a provider, so the lever is a provider
 * ahead of SunJCE with a cipher that decides per use: a cipher fed in pieces ({@code update}: an attachment) runs on a
 * streaming GCM, {@link CtrGcmSpi} (the JDK's AES-CTR, with AES-NI, and Bouncy Castle's GHASH; Bouncy Castle's own GCM
 * for an IV other than 96 bits); one used in one call ({@code doFinal}: TLS records, XML elements) on the JDK's.
 * Encryption in pieces cannot stay on the JDK's either: it refuses more than 2 GiB - 1 byte per key and IV. The
 * attachment's plaintext is released before the tag is
 * checked; {@link DecryptedAttachments} reads it to the end, so a wrong tag fails the message before any of it is
 * used.
 */
public final class StreamingGcmProvider extends Provider {

    static final String NAME = "LexBridgeStreamingGcm";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();
    /** Names the implementation of {@link CtrGcmSpi}, which no provider lists: it is only reached through this one. */
    static final Provider CTR_GCM = new Provider("LexBridgeCtrGcm", "1.0",
            "AES-GCM in pieces: the JDK's AES-CTR and Bouncy Castle's GHASH") {
    };

    public StreamingGcmProvider() {
        super(NAME, "2.0", "AES/GCM/NoPadding: a streaming GCM for a cipher fed in pieces, else the JDK's");
        put("Cipher." + TRANSFORMATION, Split.class.getName());
    }

    /** Installs the provider at position 1; does nothing when it is installed already. */
    public static synchronized boolean installIfNeeded() {
        if (Security.getProvider(NAME) != null) {
            return false;
        }
        Security.insertProviderAt(new StreamingGcmProvider(), 1);
        return true;
    }

    /**
     * The cipher: chooses its implementation at the first use after {@code init}. Associated data given before that
     * is replayed to the chosen one.
     */
    public static final class Split extends CipherSpi {

        private int mode;
        private Key key;
        private AlgorithmParameterSpec spec;
        private AlgorithmParameters parameters;
        private SecureRandom random;
        private final List<byte[]> associatedData = new ArrayList<>();
        private Cipher chosen;

        @Override
        protected void engineSetMode(String cipherMode) throws NoSuchAlgorithmException {
            if (!"GCM".equalsIgnoreCase(cipherMode)) {
                throw new NoSuchAlgorithmException("only GCM, not " + cipherMode);
            }
        }

        @Override
        protected void engineSetPadding(String padding) throws NoSuchPaddingException {
            if (!"NoPadding".equalsIgnoreCase(padding)) {
                throw new NoSuchPaddingException("only NoPadding, not " + padding);
            }
        }

        @Override
        protected int engineGetBlockSize() {
            return 16;
        }

        @Override
        protected int engineGetKeySize(Key k) throws InvalidKeyException {
            byte[] encoded = k.getEncoded();
            if (encoded == null) {
                throw new InvalidKeyException("the key has no encoding");
            }
            return encoded.length * 8;
        }

        @Override
        protected int engineGetOutputSize(int inputLength) {
            if (chosen != null) {
                return chosen.getOutputSize(inputLength);
            }
            // Asked before the first use, this must not choose: TLS asks it before each record's doFinal (and would
            // then encrypt every record on Bouncy Castle's pure-Java AES), CipherInputStream before its first update.
            // Nothing is buffered yet: the input, plus the tag when encrypting, less it when decrypting.
            int tag = tagBytes();
            boolean decrypting = mode == Cipher.DECRYPT_MODE || mode == Cipher.UNWRAP_MODE;
            return decrypting ? Math.max(0, inputLength - tag) : Math.addExact(inputLength, tag);
        }

        private int tagBytes() {
            if (spec instanceof GCMParameterSpec gcm) {
                return gcm.getTLen() / 8;
            }
            if (parameters != null) {
                try {
                    return parameters.getParameterSpec(GCMParameterSpec.class).getTLen() / 8;
                } catch (GeneralSecurityException e) {
                    return 16;
                }
            }
            return 16;
        }

        @Override
        protected byte[] engineGetIV() {
            if (chosen != null) {
                return chosen.getIV();
            }
            return spec instanceof GCMParameterSpec gcm ? gcm.getIV() : null;
        }

        @Override
        protected AlgorithmParameters engineGetParameters() {
            if (chosen != null) {
                return chosen.getParameters();
            }
            if (parameters != null) {
                return parameters;
            }
            if (spec == null) {
                return null;
            }
            try {
                AlgorithmParameters gcm = AlgorithmParameters.getInstance("GCM");
                gcm.init(spec);
                return gcm;
            } catch (GeneralSecurityException e) {
                return null;
            }
        }

        @Override
        protected void engineInit(int opmode, Key k, SecureRandom r) throws InvalidKeyException {
            try {
                init(opmode, k, null, null, r);
            } catch (InvalidAlgorithmParameterException e) {
                throw new InvalidKeyException(e.getMessage(), e);
            }
        }

        @Override
        protected void engineInit(int opmode, Key k, AlgorithmParameterSpec params, SecureRandom r)
                throws InvalidKeyException, InvalidAlgorithmParameterException {
            init(opmode, k, params, null, r);
        }

        @Override
        protected void engineInit(int opmode, Key k, AlgorithmParameters params, SecureRandom r)
                throws InvalidKeyException, InvalidAlgorithmParameterException {
            init(opmode, k, null, params, r);
        }

        private void init(int opmode, Key k, AlgorithmParameterSpec params, AlgorithmParameters algorithmParameters,
                          SecureRandom r) throws InvalidKeyException, InvalidAlgorithmParameterException {
            this.mode = opmode;
            this.key = k;
            this.spec = params;
            this.parameters = algorithmParameters;
            this.random = r;
            this.associatedData.clear();
            this.chosen = null;
            boolean decrypting = opmode == Cipher.DECRYPT_MODE || opmode == Cipher.UNWRAP_MODE;
            if (params == null && algorithmParameters == null) {
                if (decrypting) {
                    throw new InvalidAlgorithmParameterException("AES-GCM decryption needs its IV and tag length");
                }
                // The JDK generates the IV, and a caller may ask for it before the first byte.
                chosen = initialised(jdk());
            } else if (engineGetKeySize(k) != 128 && engineGetKeySize(k) != 192 && engineGetKeySize(k) != 256) {
                // The implementation is chosen later; a wrong key fails here, as with any other cipher.
                throw new InvalidKeyException("not an AES key: " + engineGetKeySize(k) + " bits");
            }
        }

        @Override
        protected byte[] engineUpdate(byte[] input, int offset, int length) {
            return choose(false).update(input, offset, length);
        }

        @Override
        protected int engineUpdate(byte[] input, int offset, int length, byte[] output, int outputOffset)
                throws ShortBufferException {
            return choose(false).update(input, offset, length, output, outputOffset);
        }

        @Override
        protected int engineUpdate(ByteBuffer input, ByteBuffer output) throws ShortBufferException {
            return choose(false).update(input, output);
        }

        @Override
        protected void engineUpdateAAD(byte[] src, int offset, int length) {
            if (chosen != null) {
                chosen.updateAAD(src, offset, length);
            } else {
                associatedData.add(Arrays.copyOfRange(src, offset, offset + length));
            }
        }

        @Override
        protected void engineUpdateAAD(ByteBuffer src) {
            if (chosen != null) {
                chosen.updateAAD(src);
            } else {
                byte[] copy = new byte[src.remaining()];
                src.get(copy);
                associatedData.add(copy);
            }
        }

        @Override
        protected byte[] engineDoFinal(byte[] input, int offset, int length)
                throws IllegalBlockSizeException, BadPaddingException {
            // Cipher passes no input (null) for doFinal() after updates; Cipher's own methods refuse a null.
            return input == null ? choose(true).doFinal() : choose(true).doFinal(input, offset, length);
        }

        @Override
        protected int engineDoFinal(byte[] input, int offset, int length, byte[] output, int outputOffset)
                throws ShortBufferException, IllegalBlockSizeException, BadPaddingException {
            return input == null ? choose(true).doFinal(output, outputOffset)
                    : choose(true).doFinal(input, offset, length, output, outputOffset);
        }

        @Override
        protected int engineDoFinal(ByteBuffer input, ByteBuffer output)
                throws ShortBufferException, IllegalBlockSizeException, BadPaddingException {
            return choose(true).doFinal(input, output);
        }

        /** The provider of the implementation chosen since the last init, or null before the first use. */
        String implementation() {
            return chosen == null ? null : chosen.getProvider().getName();
        }

        /** The cipher for this use: decided once per init; a decryption in one call goes to the JDK. */
        private Cipher choose(boolean wholeInOneCall) {
            if (chosen == null) {
                if (key == null) {
                    throw new IllegalStateException("the cipher is not initialised");
                }
                try {
                    chosen = initialised(wholeInOneCall ? jdk() : streaming());
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("AES-GCM unavailable: " + e.getMessage(), e);
                }
                for (byte[] aad : associatedData) {
                    chosen.updateAAD(aad);
                }
                associatedData.clear();
            }
            return chosen;
        }

        /**
         * A cipher fed in pieces: the JDK's AES-CTR with a GHASH of our own ({@link CtrGcmSpi}) for the 96-bit IVs
         * every AS4 profile uses, Bouncy Castle's GCM for any other IV.
         */
        private Cipher streaming() throws GeneralSecurityException {
            byte[] iv = spec instanceof GCMParameterSpec gcm ? gcm.getIV()
                    : parameters != null ? parameters.getParameterSpec(GCMParameterSpec.class).getIV() : null;
            if (iv != null && iv.length == CtrGcmSpi.IV_BYTES) {
                return new Cipher(new CtrGcmSpi(), CTR_GCM, TRANSFORMATION) {
                };
            }
            return Cipher.getInstance(TRANSFORMATION, BOUNCY_CASTLE);
        }

        private Cipher initialised(Cipher cipher) throws InvalidKeyException, InvalidAlgorithmParameterException {
            if (spec != null) {
                cipher.init(mode, key, spec, random);
            } else if (parameters != null) {
                cipher.init(mode, key, parameters, random);
            } else {
                cipher.init(mode, key, random);
            }
            return cipher;
        }

        private static Cipher jdk() throws InvalidKeyException {
            try {
                return Cipher.getInstance(TRANSFORMATION, "SunJCE");
            } catch (GeneralSecurityException e) {
                throw new InvalidKeyException("the JDK's AES-GCM is unavailable: " + e.getMessage(), e);
            }
        }
    }
}
