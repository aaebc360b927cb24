package eu.lexbridge.gateway.as4;

import java.nio.ByteBuffer;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.ProviderException;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.CipherSpi;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.modes.gcm.GCMMultiplier;
import org.bouncycastle.crypto.modes.gcm.Tables8kGCMMultiplier;

/**
 * AES-GCM (NIST SP 800-38D) over a stream of any length, for attachments: the keystream from the JDK's AES in counter
 * mode, which runs on the processor's AES instructions, and GHASH from Bouncy Castle's table multiplier. Bouncy
 * Castle's own GCM computes AES in Java, block by block: on a large attachment it was most of the CPU of both
 * connectors. The JDK's own GCM cannot stream (see {@link StreamingGcmProvider}).
 *
 * <p>96-bit IVs only, as WSS4J and the AS4 profiles use (the caller falls back to Bouncy Castle for others): the
 * counter block is then IV || 0^31 || 1, and the JDK's 128-bit counter equals GCM's 32-bit one for 2^32 - 2 blocks
 * (64 GiB) per IV; past that this cipher refuses. Decryption releases plaintext before the tag at the end is checked,
 * as Bouncy Castle's streaming GCM does; {@link DecryptedAttachments} reads every attachment to the end, so a wrong
 * tag fails the message before any of it is used.
 */
final class CtrGcmSpi extends CipherSpi {

    static final int IV_BYTES = 12;
    private static final int BLOCK = 16;
    private static final long MAX_TEXT_BYTES = ((1L << 32) - 2) * BLOCK;

    private final GCMMultiplier multiplier = new Tables8kGCMMultiplier();
    /** The GHASH accumulator, and the block being gathered for it. */
    private final byte[] ghash = new byte[BLOCK];
    private final byte[] gathered = new byte[BLOCK];
    private int gatheredLength;
    /** Decryption: the last input bytes, which may be the tag. */
    private final byte[] held = new byte[BLOCK];
    private int heldLength;

    private Cipher keystream;
    private byte[] encryptedJ0;
    private byte[] iv;
    private int tagBytes;
    private boolean encrypting;
    private long aadBytes;
    private long textBytes;
    /** Whether the associated data has ended (padded into GHASH); the text follows. */
    private boolean aadClosed;

    // Made for AES/GCM/NoPadding by StreamingGcmProvider, never looked up by a transformation: no mode or padding to set.
    @Override
    protected void engineSetMode(String mode) throws java.security.NoSuchAlgorithmException {
        throw new java.security.NoSuchAlgorithmException("AES/GCM/NoPadding only");
    }

    @Override
    protected void engineSetPadding(String padding) throws NoSuchPaddingException {
        throw new NoSuchPaddingException("AES/GCM/NoPadding only");
    }

    @Override
    protected int engineGetBlockSize() {
        return BLOCK;
    }

    @Override
    protected int engineGetOutputSize(int inputLength) {
        return encrypting ? Math.addExact(inputLength, tagBytes) : Math.max(0, heldLength + inputLength - tagBytes);
    }

    @Override
    protected byte[] engineGetIV() {
        return iv == null ? null : iv.clone();
    }

    @Override
    protected AlgorithmParameters engineGetParameters() {
        if (iv == null) {
            return null;
        }
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("GCM");
            parameters.init(new GCMParameterSpec(tagBytes * 8, iv));
            return parameters;
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    @Override
    protected void engineInit(int mode, Key key, SecureRandom random) throws InvalidKeyException {
        throw new InvalidKeyException("AES-GCM here needs its IV and tag length");
    }

    @Override
    protected void engineInit(int mode, Key key, AlgorithmParameters parameters, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        try {
            engineInit(mode, key, parameters.getParameterSpec(GCMParameterSpec.class), random);
        } catch (java.security.spec.InvalidParameterSpecException e) {
            throw new InvalidAlgorithmParameterException("not GCM parameters", e);
        }
    }

    @Override
    protected void engineInit(int mode, Key key, AlgorithmParameterSpec spec, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        if (!(spec instanceof GCMParameterSpec gcm) || gcm.getIV().length != IV_BYTES) {
            throw new InvalidAlgorithmParameterException("a GCMParameterSpec with a 96-bit IV is needed");
        }
        if (gcm.getTLen() < 96 || gcm.getTLen() > 128 || gcm.getTLen() % 8 != 0) {
            throw new InvalidAlgorithmParameterException("a tag of 96 to 128 bits is needed, not " + gcm.getTLen());
        }
        byte[] raw = key.getEncoded();
        if (raw == null || (raw.length != 16 && raw.length != 24 && raw.length != 32)) {
            throw new InvalidKeyException("not an AES key");
        }
        SecretKeySpec aes = new SecretKeySpec(raw, "AES");
        this.iv = gcm.getIV();
        this.tagBytes = gcm.getTLen() / 8;
        this.encrypting = mode == Cipher.ENCRYPT_MODE || mode == Cipher.WRAP_MODE;
        try {
            Cipher block = Cipher.getInstance("AES/ECB/NoPadding", "SunJCE");
            block.init(Cipher.ENCRYPT_MODE, aes);
            multiplier.init(block.doFinal(new byte[BLOCK]));
            byte[] counter = Arrays.copyOf(iv, BLOCK);
            counter[BLOCK - 1] = 1;
            encryptedJ0 = block.doFinal(counter);
            counter[BLOCK - 1] = 2;
            keystream = Cipher.getInstance("AES/CTR/NoPadding", "SunJCE");
            keystream.init(Cipher.ENCRYPT_MODE, aes, new IvParameterSpec(counter));
        } catch (GeneralSecurityException e) {
            throw new ProviderException("the JDK's AES is unavailable: " + e.getMessage(), e);
        }
        Arrays.fill(ghash, (byte) 0);
        gatheredLength = 0;
        heldLength = 0;
        aadBytes = 0;
        textBytes = 0;
        aadClosed = false;
    }

    @Override
    protected void engineUpdateAAD(byte[] source, int offset, int length) {
        if (aadClosed) {
            throw new IllegalStateException("associated data must come before the text");
        }
        hash(source, offset, length);
        aadBytes += length;
    }

    @Override
    protected void engineUpdateAAD(ByteBuffer source) {
        byte[] bytes = new byte[source.remaining()];
        source.get(bytes);
        engineUpdateAAD(bytes, 0, bytes.length);
    }

    @Override
    protected byte[] engineUpdate(byte[] input, int offset, int length) {
        byte[] out = new byte[engineGetOutputSize(length) + (encrypting ? -tagBytes : 0)];
        int n = update(input, offset, length, out, 0);
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    @Override
    protected int engineUpdate(byte[] input, int offset, int length, byte[] output, int outputOffset)
            throws ShortBufferException {
        int needed = encrypting ? length : Math.max(0, heldLength + length - tagBytes);
        if (output.length - outputOffset < needed) {
            throw new ShortBufferException(needed + " bytes of output needed");
        }
        return update(input, offset, length, output, outputOffset);
    }

    @Override
    protected byte[] engineDoFinal(byte[] input, int offset, int length)
            throws IllegalBlockSizeException, AEADBadTagException {
        byte[] out = new byte[engineGetOutputSize(input == null ? 0 : length)];
        try {
            int n = engineDoFinal(input, offset, length, out, 0);
            return n == out.length ? out : Arrays.copyOf(out, n);
        } catch (ShortBufferException e) {
            throw new ProviderException(e);
        }
    }

    @Override
    protected int engineDoFinal(byte[] input, int offset, int length, byte[] output, int outputOffset)
            throws ShortBufferException, IllegalBlockSizeException, AEADBadTagException {
        int inputLength = input == null ? 0 : length;
        if (output.length - outputOffset < engineGetOutputSize(inputLength)) {
            throw new ShortBufferException(engineGetOutputSize(inputLength) + " bytes of output needed");
        }
        if (keystream == null) {
            throw new IllegalStateException("the cipher is not initialised (or finished: GCM needs a new IV)");
        }
        int n = inputLength == 0 ? 0 : update(input, offset, inputLength, output, outputOffset);
        byte[] tag = tag();
        keystream = null;
        if (encrypting) {
            System.arraycopy(tag, 0, output, outputOffset + n, tagBytes);
            return n + tagBytes;
        }
        if (heldLength != tagBytes || !MessageDigest.isEqual(Arrays.copyOf(held, tagBytes), tag)) {
            throw new AEADBadTagException("the GCM tag does not match");
        }
        return n;
    }

    private int update(byte[] input, int offset, int length, byte[] output, int outputOffset) {
        if (keystream == null) {
            throw new IllegalStateException("the cipher is not initialised (or finished: GCM needs a new IV)");
        }
        closeAad();
        if (encrypting) {
            crypt(input, offset, length, output, outputOffset);
            hash(output, outputOffset, length);
            return length;
        }
        int release = heldLength + length - tagBytes;
        if (release <= 0) {
            System.arraycopy(input, offset, held, heldLength, length);
            heldLength += length;
            return 0;
        }
        int fromHeld = Math.min(heldLength, release);
        int fromInput = release - fromHeld;
        // the new tail, saved first: the output may be the input's own array
        byte[] tail = Arrays.copyOfRange(input, offset + fromInput, offset + length);
        byte[] heldRest = Arrays.copyOfRange(held, fromHeld, heldLength);
        if (fromHeld > 0) {
            byte[] early = Arrays.copyOf(held, fromHeld);
            hash(early, 0, fromHeld);
            crypt(early, 0, fromHeld, output, outputOffset);
        }
        if (fromInput > 0) {
            hash(input, offset, fromInput);
            crypt(input, offset, fromInput, output, outputOffset + fromHeld);
        }
        System.arraycopy(heldRest, 0, held, 0, heldRest.length);
        System.arraycopy(tail, 0, held, heldRest.length, tail.length);
        heldLength = heldRest.length + tail.length;
        return release;
    }

    private void crypt(byte[] input, int offset, int length, byte[] output, int outputOffset) {
        if (textBytes + length > MAX_TEXT_BYTES) {
            throw new ProviderException("more than 64 GiB under one GCM IV");
        }
        textBytes += length;
        try {
            if (keystream.update(input, offset, length, output, outputOffset) != length) {
                throw new ProviderException("the JDK's counter mode held bytes back");
            }
        } catch (ShortBufferException e) {
            throw new ProviderException(e);
        }
    }

    /** Feeds bytes to GHASH: the associated data, then (once it is padded) the ciphertext. */
    private void hash(byte[] bytes, int offset, int length) {
        int position = offset;
        int end = offset + length;
        while (position < end) {
            if (gatheredLength == 0 && end - position >= BLOCK) {
                for (int i = 0; i < BLOCK; i++) {
                    ghash[i] ^= bytes[position + i];
                }
                multiplier.multiplyH(ghash);
                position += BLOCK;
            } else {
                int take = Math.min(BLOCK - gatheredLength, end - position);
                System.arraycopy(bytes, position, gathered, gatheredLength, take);
                gatheredLength += take;
                position += take;
                if (gatheredLength == BLOCK) {
                    absorbGathered();
                }
            }
        }
    }

    /** Zero-pads the block being gathered (the end of the associated data, or of the text) and hashes it. */
    private void pad() {
        if (gatheredLength > 0) {
            Arrays.fill(gathered, gatheredLength, BLOCK, (byte) 0);
            absorbGathered();
        }
    }

    private void absorbGathered() {
        for (int i = 0; i < BLOCK; i++) {
            ghash[i] ^= gathered[i];
        }
        multiplier.multiplyH(ghash);
        gatheredLength = 0;
    }

    private void closeAad() {
        if (!aadClosed) {
            pad();
            aadClosed = true;
        }
    }

    private byte[] tag() {
        closeAad();
        pad();
        long aadBits = aadBytes * 8;
        long textBits = textBytes * 8;
        for (int i = 0; i < 8; i++) {
            ghash[i] ^= (byte) (aadBits >>> (56 - 8 * i));
            ghash[8 + i] ^= (byte) (textBits >>> (56 - 8 * i));
        }
        multiplier.multiplyH(ghash);
        byte[] tag = new byte[tagBytes];
        for (int i = 0; i < tagBytes; i++) {
            tag[i] = (byte) (encryptedJ0[i] ^ ghash[i]);
        }
        return tag;
    }
}
