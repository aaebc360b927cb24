package eu.lexbridge.trust.evidence;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

/**
 * Turns a fuzzer's data into a document: mostly a valid seed with a stretch replaced (so the fuzzer works deep inside
 * the parser and the signature checks), sometimes the raw bytes alone.
 */
public final class FuzzedDocuments {

    private FuzzedDocuments() {
    }

    public static byte[] spliceOrRaw(FuzzedDataProvider data, byte[] seed) {
        if (data.consumeBoolean()) {
            return data.consumeRemainingAsBytes();
        }
        int at = data.consumeInt(0, seed.length);
        int removed = data.consumeInt(0, Math.min(64, seed.length - at));
        byte[] inserted = data.consumeRemainingAsBytes();
        byte[] out = new byte[seed.length - removed + inserted.length];
        System.arraycopy(seed, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(seed, at + removed, out, at + inserted.length, seed.length - at - removed);
        return out;
    }
}
