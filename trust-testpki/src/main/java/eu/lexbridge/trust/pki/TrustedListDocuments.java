package eu.lexbridge.trust.pki;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Unsigned ETSI TS 119 612 (v2.3.1, TSLVersionIdentifier 6) documents: a national trusted list naming one qualified
 * CA, and a list of trusted lists pointing to it. Built with plain DOM so that the shape is visible here, element by
 * element, in the order the XSD demands; {@code TrustedListsTest} checks the result against DSS's copy of the XSD.
 * The values follow the EU lists (TSL types, scheme rules, status URIs), so DSS treats the lists like the real ones.
 */
final class TrustedListDocuments {

    static final String TSL_NAMESPACE = "http://uri.etsi.org/02231/v2#";
    static final String ADDITIONAL_TYPES_NAMESPACE = "http://uri.etsi.org/02231/v2/additionaltypes#";
    static final String TL_TYPE = "http://uri.etsi.org/TrstSvc/TrustedList/TSLType/EUgeneric";
    static final String LOTL_TYPE = "http://uri.etsi.org/TrstSvc/TrustedList/TSLType/EUlistofthelists";
    static final String CA_QC = "http://uri.etsi.org/TrstSvc/Svctype/CA/QC";
    static final String GRANTED = "http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted";
    static final String FOR_E_SIGNATURES = "http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/ForeSignatures";
    static final String FOR_E_SEALS = "http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/ForeSeals";
    static final String TSL_MIME_TYPE = "application/vnd.etsi.tsl+xml";

    private static final String SCHEME_OPERATOR = "LexBridge Test Scheme Operator";
    private static final String SCHEME_RULES = "http://uri.etsi.org/TrstSvc/TrustedList/schemerules/";
    private static final int TSL_VERSION = 6;

    private final Instant issued;
    private final Instant nextUpdate;

    /** Times are cut to whole seconds: xsd:dateTime in the lists, and equal after a round trip. */
    TrustedListDocuments(Instant issued, Instant nextUpdate) {
        this.issued = issued.truncatedTo(ChronoUnit.SECONDS);
        this.nextUpdate = nextUpdate.truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * The national trusted list of {@code territory}: one TSP with one CA/QC service, status granted since
     * {@code serviceSince}, for e-signatures and e-seals.
     */
    byte[] trustedList(String territory, URI location, X509Certificate qualifiedCa, Instant serviceSince) {
        Xml xml = new Xml();
        Element list = xml.root("TrustServiceStatusList", "ID-TL-" + territory);
        Element scheme = schemeInformation(xml, list, TL_TYPE, territory,
                territory + ":Trusted list including information related to the qualified trust service providers"
                        + " which are supervised by the competent Member State, together with information related"
                        + " to the qualified trust services provided by them, in accordance with the relevant"
                        + " provisions laid down in Regulation (EU) No 910/2014",
                "http://uri.etsi.org/TrstSvc/TrustedList/StatusDetn/EUappropriate",
                new String[] {SCHEME_RULES + "EUcommon", SCHEME_RULES + territory});
        finishSchemeInformation(xml, scheme, location);

        Element provider = xml.add(xml.add(list, "TrustServiceProviderList"), "TrustServiceProvider");
        Element information = xml.add(provider, "TSPInformation");
        xml.names(information, "TSPName", "LexBridge Test Trust Service Provider");
        xml.names(information, "TSPTradeName", "VAT" + territory + "-0000000000");
        address(xml, xml.add(information, "TSPAddress"), territory);
        xml.uris(information, "TSPInformationURI", "https://lexbridge.invalid/test-tsp");

        Element service = xml.add(xml.add(xml.add(provider, "TSPServices"), "TSPService"), "ServiceInformation");
        xml.text(service, "ServiceTypeIdentifier", CA_QC);
        xml.names(service, "ServiceName", subject(qualifiedCa));
        Element identity = xml.add(service, "ServiceDigitalIdentity");
        xml.text(xml.add(identity, "DigitalId"), "X509Certificate", base64(qualifiedCa));
        xml.text(xml.add(identity, "DigitalId"), "X509SubjectName", subject(qualifiedCa));
        xml.text(service, "ServiceStatus", GRANTED);
        xml.text(service, "StatusStartingTime", serviceSince.truncatedTo(ChronoUnit.SECONDS).toString());
        Element extensions = xml.add(service, "ServiceInformationExtensions");
        for (String use : new String[] {FOR_E_SIGNATURES, FOR_E_SEALS}) {
            Element extension = xml.add(extensions, "Extension");
            extension.setAttribute("Critical", "true");
            xml.uri(xml.add(extension, "AdditionalServiceInformation"), "URI", use);
        }
        return xml.bytes();
    }

    /**
     * The list of trusted lists: a pointer to itself (as the EU LOTL has, so that DSS can tell a moved LOTL) and one
     * to the national trusted list, each with the certificate that must have signed the list pointed to.
     */
    byte[] listOfTrustedLists(URI location, X509Certificate lotlSigner, String territory, URI trustedList,
                              X509Certificate trustedListSigner) {
        Xml xml = new Xml();
        Element list = xml.root("TrustServiceStatusList", "ID-LOTL");
        Element scheme = schemeInformation(xml, list, LOTL_TYPE, "EU",
                "EU:List of trusted lists of the LexBridge test PKI (not the European Commission's)",
                "http://uri.etsi.org/TrstSvc/TrustedList/StatusDetn/EUlistofthelists",
                new String[] {SCHEME_RULES + "EUlistofthelists"});
        Element pointers = xml.add(scheme, "PointersToOtherTSL");
        pointer(xml, pointers, location, lotlSigner, LOTL_TYPE, "EU", SCHEME_RULES + "EUlistofthelists");
        pointer(xml, pointers, trustedList, trustedListSigner, TL_TYPE, territory, SCHEME_RULES + "EUcommon");
        finishSchemeInformation(xml, scheme, location);
        return xml.bytes();
    }

    private Element schemeInformation(Xml xml, Element list, String type, String territory, String schemeName,
                                      String statusApproach, String[] communityRules) {
        Element scheme = xml.add(list, "SchemeInformation");
        xml.text(scheme, "TSLVersionIdentifier", Integer.toString(TSL_VERSION));
        // Grows with every generation, as a re-issued list's must; minutes keep it far from DSS's int limit.
        xml.text(scheme, "TSLSequenceNumber", Long.toString(issued.getEpochSecond() / 60));
        xml.text(scheme, "TSLType", type);
        xml.names(scheme, "SchemeOperatorName", SCHEME_OPERATOR);
        address(xml, xml.add(scheme, "SchemeOperatorAddress"), territory);
        xml.names(scheme, "SchemeName", schemeName);
        xml.uris(scheme, "SchemeInformationURI", "https://lexbridge.invalid/test-scheme");
        xml.text(scheme, "StatusDeterminationApproach", statusApproach);
        xml.uris(scheme, "SchemeTypeCommunityRules", communityRules);
        xml.text(scheme, "SchemeTerritory", territory);
        Element notice = xml.add(xml.add(scheme, "PolicyOrLegalNotice"), "TSLLegalNotice");
        notice.setAttributeNS(XMLConstants.XML_NS_URI, "xml:lang", "en");
        notice.setTextContent("Test data of LexBridge: no legal effect whatsoever.");
        xml.text(scheme, "HistoricalInformationPeriod", "65535");
        return scheme;
    }

    /** The elements after PointersToOtherTSL, which the LOTL adds before calling this. */
    private void finishSchemeInformation(Xml xml, Element scheme, URI location) {
        xml.text(scheme, "ListIssueDateTime", issued.toString());
        xml.text(xml.add(scheme, "NextUpdate"), "dateTime", nextUpdate.toString());
        xml.text(xml.add(scheme, "DistributionPoints"), "URI", location.toString());
    }

    private static void pointer(Xml xml, Element pointers, URI location, X509Certificate signer, String type,
                                String territory, String communityRules) {
        Element pointer = xml.add(pointers, "OtherTSLPointer");
        xml.text(xml.add(xml.add(xml.add(pointer, "ServiceDigitalIdentities"), "ServiceDigitalIdentity"),
                "DigitalId"), "X509Certificate", base64(signer));
        xml.text(pointer, "TSLLocation", location.toString());
        Element information = xml.add(pointer, "AdditionalInformation");
        xml.text(xml.add(information, "OtherInformation"), "TSLType", type);
        xml.names(xml.add(information, "OtherInformation"), "SchemeOperatorName", SCHEME_OPERATOR);
        xml.uris(xml.add(information, "OtherInformation"), "SchemeTypeCommunityRules", communityRules);
        xml.text(xml.add(information, "OtherInformation"), "SchemeTerritory", territory);
        Element mimeType = xml.document.createElementNS(ADDITIONAL_TYPES_NAMESPACE, "tslx:MimeType");
        mimeType.setTextContent(TSL_MIME_TYPE);
        xml.add(information, "OtherInformation").appendChild(mimeType);
    }

    private static void address(Xml xml, Element address, String territory) {
        Element postal = xml.add(xml.add(address, "PostalAddresses"), "PostalAddress");
        postal.setAttributeNS(XMLConstants.XML_NS_URI, "xml:lang", "en");
        xml.text(postal, "StreetAddress", "1 Test Street");
        xml.text(postal, "Locality", "Testville");
        xml.text(postal, "PostalCode", "0000");
        xml.text(postal, "CountryName", territory);
        xml.uris(address, "ElectronicAddress", "mailto:trust@lexbridge.invalid");
    }

    private static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }

    private static String base64(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("Cannot encode certificate " + certificate.getSubjectX500Principal(), e);
        }
    }

    /** A DOM document in the TSL namespace, with the few element shapes TS 119 612 repeats. */
    private static final class Xml {
        private final Document document;

        Xml() {
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                document = factory.newDocumentBuilder().newDocument();
            } catch (ParserConfigurationException e) {
                throw new IllegalStateException("No namespace-aware DOM available", e);
            }
        }

        Element root(String name, String id) {
            Element root = document.createElementNS(TSL_NAMESPACE, name);
            root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns", TSL_NAMESPACE);
            root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:tslx", ADDITIONAL_TYPES_NAMESPACE);
            root.setAttribute("Id", id);
            root.setAttribute("TSLTag", "http://uri.etsi.org/19612/TSLTag");
            document.appendChild(root);
            return root;
        }

        Element add(Element parent, String name) {
            Element child = document.createElementNS(TSL_NAMESPACE, name);
            parent.appendChild(child);
            return child;
        }

        void text(Element parent, String name, String value) {
            add(parent, name).setTextContent(value);
        }

        /** An element of {@code <Name xml:lang="en">} children (InternationalNamesType). */
        void names(Element parent, String name, String value) {
            Element child = add(add(parent, name), "Name");
            child.setAttributeNS(XMLConstants.XML_NS_URI, "xml:lang", "en");
            child.setTextContent(value);
        }

        /** An element of {@code <URI xml:lang="en">} children (NonEmptyMultiLangURIListType). */
        void uris(Element parent, String name, String... values) {
            Element list = add(parent, name);
            for (String value : values) {
                uri(list, "URI", value);
            }
        }

        void uri(Element parent, String name, String value) {
            Element uri = add(parent, name);
            uri.setAttributeNS(XMLConstants.XML_NS_URI, "xml:lang", "en");
            uri.setTextContent(value);
        }

        byte[] bytes() {
            try {
                TransformerFactory factory = TransformerFactory.newInstance();
                factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                Transformer transformer = factory.newTransformer();
                transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
                transformer.setOutputProperty(OutputKeys.INDENT, "yes");
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                transformer.transform(new DOMSource(document), new StreamResult(out));
                return out.toByteArray();
            } catch (TransformerException e) {
                throw new IllegalStateException("Cannot serialise the trusted list", e);
            }
        }
    }
}
