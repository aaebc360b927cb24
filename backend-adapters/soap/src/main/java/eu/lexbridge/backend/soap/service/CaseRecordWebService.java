package eu.lexbridge.backend.soap.service;

import static eu.lexbridge.backend.soap.service.BackendCall.answer;

import eu.lexbridge.backend.soap.wire.caserecord.DeadlineAlertsType;
import eu.lexbridge.backend.soap.wire.caserecord.GetTransmissionRecordDocumentResponse;
import eu.lexbridge.backend.soap.wire.caserecord.LexBridgeCaseRecordWebService;
import eu.lexbridge.backend.soap.wire.caserecord.ListDeadlineAlertsRequest;
import eu.lexbridge.backend.soap.wire.caserecord.RecordIdType;
import eu.lexbridge.backend.soap.wire.caserecord.RecordTransmissionRequest;
import eu.lexbridge.backend.soap.wire.caserecord.TransmissionRecordType;
import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.port.CaseRecord;
import eu.lexbridge.core.port.DeadlineAlerts;
import eu.lexbridge.core.record.TransmissionRecord;
import jakarta.activation.DataHandler;
import jakarta.jws.WebService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.UUID;
import org.apache.cxf.attachment.ByteDataSource;

/**
 * LexBridge's case record for SOAP back-ends, beside the official back-end web service (whose contract it leaves as
 * it is): what REST back-ends do at {@code /api/v1/records}, and the deadline alerts a back-end that pulls reads.
 * Every operation acts for the authenticated back-end only: another back-end's record looks as if it did not exist
 * ({@code LB-1103}). A refused record keeps nothing.
 *
 * <p>{@code listDeadlineAlerts} reads the {@link DeadlineAlerts} store when the application has one; without one no
 * alert is ever raised, and the answer is an empty list with the cursor unchanged.
 */
@WebService(serviceName = "LexBridgeCaseRecordWSService", portName = "LexBridgeCaseRecordWebService",
        targetNamespace = CaseRecordWebService.NAMESPACE,
        endpointInterface = "eu.lexbridge.backend.soap.wire.caserecord.LexBridgeCaseRecordWebService",
        wsdlLocation = "classpath:wsdl/lexbridge/LexBridgeCaseRecordWebService.wsdl")
public final class CaseRecordWebService implements LexBridgeCaseRecordWebService {

    public static final String NAMESPACE = "urn:lexbridge:ws:case-record:1";

    /** A sealed record document is a few kilobytes; past this something is wrong, and it is not read into memory. */
    static final int MAX_DOCUMENT = 1 << 20;

    private final CaseRecord cases;
    private final DeadlineAlertPages alerts;

    /** @param alerts the alert store, or {@code null} when the application keeps none */
    public CaseRecordWebService(CaseRecord cases, DeadlineAlerts alerts) {
        this.cases = cases;
        this.alerts = new DeadlineAlertPages(Optional.ofNullable(alerts));
    }

    /**
     * Checks, seals and keeps a transmission made outside the system. Recording again with the same
     * {@code backendRecordId} answers the first record (LB-1012 when it records another transmission).
     */
    @Override
    public TransmissionRecordType recordTransmission(RecordTransmissionRequest request) {
        return answer(backend -> TransmissionRecordMapping.record(cases.record(backend,
                TransmissionRecordMapping.request(request))));
    }

    @Override
    public TransmissionRecordType getTransmissionRecord(RecordIdType request) {
        return answer(backend -> TransmissionRecordMapping.record(cases.find(backend, recordId(request))));
    }

    /** The sealed record document, byte for byte as it was filed, as an MTOM attachment. */
    @Override
    public GetTransmissionRecordDocumentResponse getTransmissionRecordDocument(RecordIdType request) {
        return answer(backend -> {
            UUID id = recordId(request);
            TransmissionRecord record = cases.find(backend, id);
            byte[] document = read(cases.document(backend, id));
            GetTransmissionRecordDocumentResponse response = new GetTransmissionRecordDocumentResponse();
            response.setRecordId(id.toString());
            response.setSha256(record.document().sha256());
            response.setDocument(new DataHandler(new ByteDataSource(document, record.document().mimeType())));
            return response;
        });
    }

    /**
     * The calling back-end's alerts with a sequence above {@code after} (default 0), lowest first, at most
     * {@code limit} (1 to 500, default 100). Nothing is marked read: the back-end asks again after the answer's
     * cursor.
     */
    @Override
    public DeadlineAlertsType listDeadlineAlerts(ListDeadlineAlertsRequest request) {
        return answer(backend -> alerts.page(backend, request));
    }

    private static UUID recordId(RecordIdType request) {
        return TransmissionRecordMapping.requiredUuid("recordId", request == null ? null : request.getRecordId());
    }

    /** The whole document, refused as the connector's fault past {@value #MAX_DOCUMENT} bytes. */
    private static byte[] read(InputStream document) {
        try (InputStream in = document) {
            byte[] bytes = in.readNBytes(MAX_DOCUMENT + 1);
            if (bytes.length > MAX_DOCUMENT) {
                throw new ConnectorException(ErrorCode.INTERNAL, "the sealed record document is larger than "
                        + MAX_DOCUMENT + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("the sealed record document cannot be read", e);
        }
    }
}
