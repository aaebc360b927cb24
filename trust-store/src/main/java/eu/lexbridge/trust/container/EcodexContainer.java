package eu.lexbridge.trust.container;

import eu.lexbridge.core.message.PartName;

/** The fixed names of the e-CODEX ASiC-S container, as the official connector writes them. */
public final class EcodexContainer {

    public static final String MIMETYPE_ENTRY = "mimetype";
    public static final String MIME_TYPE = "application/vnd.etsi.asic-s+zip";
    public static final String SIGNED_CONTENT = "SignedContent.zip";
    public static final String SIGNATURES = "META-INF/signatures.xml";
    public static final String TOKEN_PDF = PartName.TRUST_OK_TOKEN_PDF;
    /** The attachment identifiers on the AS4 message. */
    public static final String ASIC_S_IDENTIFIER = "ASIC-S";
    public static final String TOKEN_XML_IDENTIFIER = "tokenXML";
    public static final String TOKEN_XML_NAME = "Token.xml";
    static final String ASIC_NAMESPACE = "http://uri.etsi.org/02918/v1.2.1#";
    static final String XMLDSIG_NAMESPACE = "http://www.w3.org/2000/09/xmldsig#";

    private EcodexContainer() {
    }
}
