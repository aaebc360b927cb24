package eu.lexbridge.core.testkit;

import eu.lexbridge.core.port.Sealer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/** Leaves documents as they are, for tests of what is not the seal; the real seal is tested in trust-store. */
public final class PlainSealer implements Sealer {

    @Override
    public byte[] sealXml(byte[] document, String what) {
        return document.clone();
    }

    /** A list of the files and their digests, in the shape of no signature: enough to tell what was sealed. */
    @Override
    public byte[] sealFiles(List<SealedFile> files, String what) {
        StringBuilder listed = new StringBuilder("<NotSealed>");
        files.forEach(file -> listed.append("<File name=\"").append(file.name()).append("\" sha256=\"")
                .append(HexFormat.of().formatHex(file.sha256())).append("\"/>"));
        return listed.append("</NotSealed>").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String description() {
        return "not sealed";
    }
}
