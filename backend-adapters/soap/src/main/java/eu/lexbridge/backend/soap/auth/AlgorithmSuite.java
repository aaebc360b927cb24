package eu.lexbridge.backend.soap.auth;

/**
 * The algorithms of WS-Security signatures and encryption on the SOAP API, both ways. MODERN is the default; BASIC256
 * is what the official connector's {@code backend.policy.xml} names, for back-ends built on its client libraries.
 */
public enum AlgorithmSuite {
    /** RSA-SHA256 over SHA-256 digests; AES-256-GCM content keys sent with RSA-OAEP (SHA-256, MGF1-SHA256). */
    MODERN("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", "http://www.w3.org/2001/04/xmlenc#sha256",
            "http://www.w3.org/2009/xmlenc11#aes256-gcm", "http://www.w3.org/2009/xmlenc11#rsa-oaep",
            "http://www.w3.org/2001/04/xmlenc#sha256", "http://www.w3.org/2009/xmlenc11#mgf1sha256"),
    /**
     * WS-SecurityPolicy Basic256, as the official policy has it: RSA-SHA1 over SHA-1 digests, AES-256-CBC content keys
     * sent with RSA-OAEP-MGF1P (SHA-1). SHA-1 signatures are weak: use it only for back-ends that need it.
     */
    BASIC256("http://www.w3.org/2000/09/xmldsig#rsa-sha1", "http://www.w3.org/2000/09/xmldsig#sha1",
            "http://www.w3.org/2001/04/xmlenc#aes256-cbc", "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p",
            "http://www.w3.org/2000/09/xmldsig#sha1", null);

    private final String signature;
    private final String digest;
    private final String encryption;
    private final String keyTransport;
    private final String keyTransportDigest;
    private final String keyTransportMgf;

    AlgorithmSuite(String signature, String digest, String encryption, String keyTransport, String keyTransportDigest,
                   String keyTransportMgf) {
        this.signature = signature;
        this.digest = digest;
        this.encryption = encryption;
        this.keyTransport = keyTransport;
        this.keyTransportDigest = keyTransportDigest;
        this.keyTransportMgf = keyTransportMgf;
    }

    public String signature() {
        return signature;
    }

    public String digest() {
        return digest;
    }

    public String encryption() {
        return encryption;
    }

    public String keyTransport() {
        return keyTransport;
    }

    public String keyTransportDigest() {
        return keyTransportDigest;
    }

    /** The mask generation function of RSA-OAEP; {@code null} for rsa-oaep-mgf1p, which names its own. */
    public String keyTransportMgf() {
        return keyTransportMgf;
    }
}
