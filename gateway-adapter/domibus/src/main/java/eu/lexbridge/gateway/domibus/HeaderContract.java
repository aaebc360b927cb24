package eu.lexbridge.gateway.domibus;

import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.gateway.domibus.wire.ebms.Messaging;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.ValidationEvent;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The ebMS header of a message Domibus pushes, checked against the contract ({@code ebms-header.xsd}) once CXF has
 * read it. The push endpoint does not have CXF validate the whole request against the schema: to validate a payload
 * sent as an MTOM attachment, JAXB hands the validator the attachment as base64 text, all of it in memory, so a 320 MiB
 * payload ended a connector of 256 MiB heap. The body's parts are checked as they are read ({@link ReceivedParts}),
 * each limited in size and spooled to disk.
 */
final class HeaderContract {

    private static final String EBMS = "http://docs.oasis-open.org/ebxml-msg/ebms/v3.0/ns/core/200704/";
    private static final JAXBContext CONTEXT;
    private static final Schema SCHEMA;

    static {
        try {
            CONTEXT = JAXBContext.newInstance(Messaging.class);
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // the schema is ours, on the class path, and imports nothing
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            URL xsd = HeaderContract.class.getResource("/wsdl/domibus/ebms-header.xsd");
            if (xsd == null) {
                throw new IllegalStateException("wsdl/domibus/ebms-header.xsd is missing from the class path");
            }
            SCHEMA = factory.newSchema(xsd);
        } catch (JAXBException | SAXException e) {
            throw new IllegalStateException("the ebMS header schema cannot be loaded", e);
        }
    }

    private HeaderContract() {
    }

    /**
     * @throws IllegalArgumentException when the header does not meet the contract, saying where
     */
    static void check(Messaging header) {
        if (header == null) {
            throw new IllegalArgumentException("the ebMS header (Messaging) is missing");
        }
        try {
            Marshaller marshaller = CONTEXT.createMarshaller();
            marshaller.setSchema(SCHEMA);
            ValidationEvent[] first = new ValidationEvent[1];
            marshaller.setEventHandler(event -> {
                first[0] = event;
                return false;
            });
            try {
                marshaller.marshal(new JAXBElement<>(new QName(EBMS, "Messaging"), Messaging.class, header),
                        new DefaultHandler());
            } catch (JAXBException e) {
                throw new IllegalArgumentException("the ebMS header does not meet the contract: "
                        + (first[0] == null ? "it cannot be read" : LogSafe.of(first[0].getMessage(), 300)));
            }
        } catch (JAXBException e) {
            throw new IllegalStateException("the ebMS header cannot be checked", e);
        }
    }
}
