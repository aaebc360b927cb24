package eu.lexbridge.core.testkit;

import eu.lexbridge.core.port.Sealer;

/** Leaves documents as they are, for tests of what is not the seal; the real seal is tested in trust-store. */
public final class PlainSealer implements Sealer {

    @Override
    public byte[] sealXml(byte[] document, String what) {
        return document.clone();
    }

    @Override
    public String description() {
        return "not sealed";
    }
}
