package eu.lexbridge.trust.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;

/**
 * Answers every import of the ETSI TS 102 640 v2 schema from the class path, by namespace, so that compiling the
 * schema never goes to the network (there is none in production, and a schema fetched from outside could be
 * anything).
 *
 * <p>The REM schema itself, TS 102 231, SAML 2.0 assertion and XML Encryption are vendored in {@code xsd/rem/}
 * (see the README there). XAdES 1.3.2, XML-DSig and xml.xsd come from DSS's {@code specs-xades} and
 * {@code specs-xmldsig} jars, which trust-store already has: DSS keeps them current, and its XAdES 1.3.2 schema
 * (the EN 319 132 revision) knows {@code SigningCertificateV2}, which DSS writes into our seals and which the older
 * copy in the official connector's tree does not define.
 *
 * <p>Anything else is refused with an exception naming it, rather than left to a default resolver.
 */
final class RemSchemaResources implements LSResourceResolver {

    static final String MAIN = "xsd/rem/TS102640_v2.xsd";

    private static final String XML_SCHEMA = "http://www.w3.org/2001/XMLSchema";
    private static final String XML_DTD = "http://www.w3.org/TR/REC-xml";

    /** Namespace to class-path resource. */
    private static final Map<String, String> BY_NAMESPACE = Map.of(
            "http://uri.etsi.org/02640/v2#", MAIN,
            "http://uri.etsi.org/02231/v2#", "xsd/rem/ts_102231v030102_xsd.xsd",
            "urn:oasis:names:tc:SAML:2.0:assertion", "xsd/rem/saml-schema-assertion-2.0.xsd",
            "http://www.w3.org/2001/04/xmlenc#", "xsd/rem/xenc-schema.xsd",
            "http://uri.etsi.org/01903/v1.3.2#", "xsd/XAdES01903v132-202407.xsd",
            "http://www.w3.org/2000/09/xmldsig#", "xsd/xmldsig-core-schema.xsd",
            "http://www.w3.org/XML/1998/namespace", "xsd/xml.xsd");

    /**
     * The W3C xenc schema declares the XMLSchema DTD in its DOCTYPE (for entity declarations it also has inline).
     * That DTD only describes XSD syntax: it is answered with an empty one instead of being fetched.
     */
    private static final String XML_SCHEMA_DTD_PUBLIC_ID = "-//W3C//DTD XMLSchema 200102//EN";

    @Override
    public LSInput resolveResource(String type, String namespace, String publicId, String systemId,
            String baseUri) {
        if (XML_DTD.equals(type) && XML_SCHEMA_DTD_PUBLIC_ID.equals(publicId)) {
            // An empty stream, not empty string data: the parser takes an empty string for "no answer" and fetches.
            return new Input(publicId, systemId, new ByteArrayInputStream(new byte[0]), null);
        }
        if (XML_SCHEMA.equals(type) && namespace != null && BY_NAMESPACE.containsKey(namespace)) {
            String resource = BY_NAMESPACE.get(namespace);
            URL url = url(resource);
            return new Input(publicId, url.toExternalForm(), open(url, resource), null);
        }
        throw new IllegalStateException("The REM evidence schema refers to " + describe(type, namespace, systemId)
                + ", which is not among the schemas on the class path; it is not fetched from outside");
    }

    static URL url(String resource) {
        URL url = RemSchemaResources.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("The schema " + resource + " is not on the class path (" + (resource
                    .startsWith("xsd/rem/") ? "trust-store resources" : "DSS specs-xades / specs-xmldsig") + ")");
        }
        return url;
    }

    static InputStream open(URL url, String resource) {
        try {
            return url.openStream();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the schema " + resource, e);
        }
    }

    private static String describe(String type, String namespace, String systemId) {
        if (XML_DTD.equals(type)) {
            return "the DTD " + systemId;
        }
        return "the namespace " + namespace + " (" + systemId + ")";
    }

    /** An LSInput is a bean the parser reads; only the fields it uses are filled. */
    private static final class Input implements LSInput {

        private final String publicId;
        private String systemId;
        private InputStream byteStream;
        private String stringData;

        Input(String publicId, String systemId, InputStream byteStream, String stringData) {
            this.publicId = publicId;
            this.systemId = systemId;
            this.byteStream = byteStream;
            this.stringData = stringData;
        }

        @Override
        public Reader getCharacterStream() {
            return null;
        }

        @Override
        public void setCharacterStream(Reader characterStream) {
            throw new UnsupportedOperationException();
        }

        @Override
        public InputStream getByteStream() {
            return byteStream;
        }

        @Override
        public void setByteStream(InputStream byteStream) {
            this.byteStream = byteStream;
        }

        @Override
        public String getStringData() {
            return stringData;
        }

        @Override
        public void setStringData(String stringData) {
            this.stringData = stringData;
        }

        @Override
        public String getSystemId() {
            return systemId;
        }

        @Override
        public void setSystemId(String systemId) {
            this.systemId = systemId;
        }

        @Override
        public String getPublicId() {
            return publicId;
        }

        @Override
        public void setPublicId(String publicId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getBaseURI() {
            return null;
        }

        @Override
        public void setBaseURI(String baseURI) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getEncoding() {
            return null;
        }

        @Override
        public void setEncoding(String encoding) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean getCertifiedText() {
            return false;
        }

        @Override
        public void setCertifiedText(boolean certifiedText) {
            throw new UnsupportedOperationException();
        }
    }
}
