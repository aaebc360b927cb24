package eu.lexbridge.trust.container;

import java.util.Objects;

/**
 * What {@link EcodexContainerBuilder} produced besides the container bytes.
 *
 * @param token the Trust OK token's content
 * @param tokenXml the token XML, sealed (enveloped XAdES-BASELINE-B) with the container key: the {@code tokenXML}
 *     attachment shipped beside the container
 * @param signedContentSha256 the SHA-256 digest of SignedContent.zip, which the container signature covers
 * @param signedContentSize the size of SignedContent.zip in bytes
 */
public record BuiltContainer(TrustOkToken token, byte[] tokenXml, byte[] signedContentSha256,
                             long signedContentSize) {

    public BuiltContainer {
        Objects.requireNonNull(token, "token");
        tokenXml = tokenXml.clone();
        signedContentSha256 = signedContentSha256.clone();
    }

    @Override
    public byte[] tokenXml() {
        return tokenXml.clone();
    }

    @Override
    public byte[] signedContentSha256() {
        return signedContentSha256.clone();
    }
}
