package eu.lexbridge.backend.soap.service;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import java.time.Instant;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

/**
 * Moments as {@code xs:dateTime} and back. A moment a back-end gives must carry its offset: a local time names no
 * moment until the connector guesses a zone, and it does not guess. The connector's own answers are in UTC.
 */
final class XmlTimes {

    private static final DatatypeFactory FACTORY;

    static {
        try {
            FACTORY = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException("the JDK has no XML datatype factory", e);
        }
    }

    private XmlTimes() {
    }

    static XMLGregorianCalendar of(Instant instant) {
        return instant == null ? null : FACTORY.newXMLGregorianCalendar(instant.toString());
    }

    /**
     * The moment {@code value} names, or {@code null} when there is none.
     *
     * @throws ConnectorException INVALID_FIELD naming {@code field} for a value without an offset, or one that is not
     *     a date and time (a date alone, a time alone)
     */
    static Instant instant(XMLGregorianCalendar value, String field) {
        if (value == null) {
            return null;
        }
        if (!isDateTime(value) || value.getTimezone() == DatatypeConstants.FIELD_UNDEFINED) {
            throw new ConnectorException(ErrorCode.INVALID_FIELD, field, field
                    + " must be a date and time with its offset, e.g. 2026-12-06T09:30:00Z or 2026-12-06T10:30:00+01:00");
        }
        return value.toGregorianCalendar().toInstant();
    }

    private static boolean isDateTime(XMLGregorianCalendar value) {
        try {
            return DatatypeConstants.DATETIME.equals(value.getXMLSchemaType());
        } catch (IllegalStateException e) { // fields that make no XML Schema type at all
            return false;
        }
    }
}
