package eu.lexbridge.gateway.domibus;

import eu.lexbridge.gateway.domibus.wire.ebms.Messaging;
import eu.lexbridge.gateway.domibus.wire.ebms.PartInfo;
import eu.lexbridge.gateway.domibus.wire.payload.LargePayloadType;
import eu.lexbridge.gateway.domibus.wire.plugin.ErrorResultImpl;
import eu.lexbridge.gateway.domibus.wire.plugin.ErrorResultImplArray;
import eu.lexbridge.gateway.domibus.wire.plugin.FaultDetail;
import eu.lexbridge.gateway.domibus.wire.plugin.GetErrorsRequest;
import eu.lexbridge.gateway.domibus.wire.plugin.ListPendingMessagesRequest;
import eu.lexbridge.gateway.domibus.wire.plugin.ListPendingMessagesResponse;
import eu.lexbridge.gateway.domibus.wire.plugin.MarkMessageAsDownloadedRequest;
import eu.lexbridge.gateway.domibus.wire.plugin.MarkMessageAsDownloadedResponse;
import eu.lexbridge.gateway.domibus.wire.plugin.MessageStatus;
import eu.lexbridge.gateway.domibus.wire.plugin.PluginFault;
import eu.lexbridge.gateway.domibus.wire.plugin.RetrieveMessageRequest;
import eu.lexbridge.gateway.domibus.wire.plugin.RetrieveMessageResponse;
import eu.lexbridge.gateway.domibus.wire.plugin.StatusRequest;
import eu.lexbridge.gateway.domibus.wire.plugin.SubmitRequest;
import eu.lexbridge.gateway.domibus.wire.plugin.SubmitResponse;
import eu.lexbridge.gateway.domibus.wire.plugin.WebServicePluginInterface;
import eu.lexbridge.gateway.domibus.wire.push.BackendInterface;
import eu.lexbridge.gateway.domibus.wire.push.BackendService;
import eu.lexbridge.gateway.domibus.wire.push.SubmitMessage;
import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.jws.WebService;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.Holder;
import jakarta.xml.ws.soap.MTOMFeature;
import jakarta.xml.ws.soap.SOAPBinding;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.configuration.security.AuthorizationPolicy;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.interceptor.AttachmentInInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.HTTPConduit;

/**
 * A stand-in for the Domibus WS plugin, built from our WSDL and served by real CXF on loopback (SOAP 1.2, MTOM): every
 * request is validated against the contract's schema, calls need the plugin user's HTTP Basic credential, and the
 * plugin's own rules are checked (one payload per PartInfo, matched by payloadId without regard to case; a MessageId
 * given twice is refused). A submitted message is held with the SHA-256 of each payload, and Domibus's later report is
 * pushed back as Domibus would: {@code sendSuccess}, or {@code sendFailure} for a message to {@link
 * #UNREACHABLE_PARTY}, whose failed attempts it records as errors, listed by {@code getMessageErrors} most recent
 * first, as Domibus lists them. Messages for the back-end are staged with {@link #stage} (for pull) or pushed with
 * {@link #push}.
 */
@WebService(serviceName = "WebServicePlugin", portName = "WEBSERVICEPLUGIN_PORT",
        targetNamespace = "http://eu.domibus.wsplugin/",
        endpointInterface = "eu.lexbridge.gateway.domibus.wire.plugin.WebServicePluginInterface",
        wsdlLocation = "classpath:wsdl/domibus/WebServicePlugin.wsdl")
public class StandInDomibus implements WebServicePluginInterface {

    static final String USER = "lexbridge-plugin";
    static final String PASSWORD = "plugin-secret";
    /** An action no PMode leg has: submitting it is refused with a plugin fault. */
    static final String UNCONFIGURED_ACTION = "NoSuchLeg";
    /** A party whose access point never answers: Domibus gives up and reports sendFailure. */
    static final String UNREACHABLE_PARTY = "XX";
    /** The AS4 endpoint of {@link #UNREACHABLE_PARTY}, as Domibus's errors name it. */
    static final String UNREACHABLE_ENDPOINT = "https://ap.xx.invalid/domibus/services/msh";
    /** What the stand-in's attempts to reach {@link #UNREACHABLE_PARTY} met, first to last (its PMode's retries). */
    static final List<String> UNREACHABLE_ATTEMPTS = List.of("Connect timed out", "Connection refused");
    /** Between two attempts, as a PMode's retry interval. */
    private static final Duration RETRY_INTERVAL = Duration.ofMinutes(2);

    /** How {@code getMessageErrors} answers. */
    enum ErrorsAnswer {
        /** With the errors recorded on the message, as Domibus does. */
        RECORDED,
        /** With an empty list, whatever was recorded. */
        NOTHING,
        /** With a plugin fault, whatever was recorded. */
        FAULT
    }

    /** An error Domibus recorded on a message: its code (Domibus's name of the ebMS error), detail and role. */
    record RecordedError(String code, String detail, String mshRole, Instant at) {
    }

    record HeldPayload(String payloadId, String contentType, Path file, String sha256, long size) {
    }

    record Submitted(Messaging header, List<HeldPayload> payloads) {
    }

    private final Path directory;
    private final List<Submitted> submitted = new CopyOnWriteArrayList<>();
    private final Map<String, Submitted> pending = new LinkedHashMap<>();
    private final List<String> markedDownloaded = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();
    private final Map<String, List<RecordedError>> errors = new ConcurrentHashMap<>();
    private volatile ErrorsAnswer errorsAnswer = ErrorsAnswer.RECORDED;
    private final ScheduledExecutorService reports = Executors.newSingleThreadScheduledExecutor();
    private volatile BackendInterface pushTarget;
    private final AtomicInteger errorsAsked = new AtomicInteger();
    private volatile Consumer<Submitted> relay;

    StandInDomibus(Path directory) {
        this.directory = directory;
    }

    /** Publishes the stand-in at {@code /domibus/services/wsplugin} of {@code server}: contract checks on, MTOM on. */
    static StandInDomibus start(LoopbackServer server, Path directory) {
        StandInDomibus domibus = new StandInDomibus(directory);
        domibus.publishOn(server);
        return domibus;
    }

    /**
     * Serves this stand-in, with what it holds, at {@code /domibus/services/wsplugin} of {@code server}: a server
     * started again on the port of a stopped one is the same Domibus back after an outage.
     */
    void publishOn(LoopbackServer server) {
        EndpointImpl endpoint = new EndpointImpl(server.bus(), this, SOAPBinding.SOAP12HTTP_BINDING);
        endpoint.setProperties(Map.of("mtom-enabled", Boolean.TRUE, "schema-validation-enabled", Boolean.TRUE,
                "attachment-memory-threshold", 64 * 1024L));
        endpoint.getInInterceptors().add(new PluginUserCheck(contentTypes));
        endpoint.publish("/domibus/services/wsplugin");
    }

    /** Domibus's push towards the connector ({@code wsplugin.push.*}), with its push credential. */
    void pushTo(String address, String user, String password) {
        pushTo(address, user, password, null);
    }

    /**
     * As {@link #pushTo(String, String, String)}, over HTTPS to a connector whose certificate {@code tls} trusts.
     *
     * @param tls {@code null} for plain HTTP or the JVM's trusted CAs
     */
    void pushTo(String address, String user, String password, SSLContext tls) {
        BackendInterface port = new BackendService().getBACKENDPORT(new MTOMFeature());
        var context = ((BindingProvider) port).getRequestContext();
        context.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, address);
        context.put(BindingProvider.USERNAME_PROPERTY, user);
        context.put(BindingProvider.PASSWORD_PROPERTY, password);
        if (tls != null) {
            TLSClientParameters parameters = new TLSClientParameters();
            parameters.setSslContext(tls);
            ((HTTPConduit) ClientProxy.getClient(port).getConduit()).setTlsClientParameters(parameters);
        }
        pushTarget = port;
    }

    /**
     * Hands every message taken from now on to {@code relay} instead of reporting at once: the relay carries it to the
     * partner's access point and reports, as Domibus does once the partner's AS4 receipt came ({@link DomibusPair}).
     * It is called on the request's thread and must not block.
     */
    void relayWith(Consumer<Submitted> relay) {
        this.relay = relay;
    }

    /** From now on, {@code getMessageErrors} answers as {@code answer} says. */
    void answerErrorsWith(ErrorsAnswer answer) {
        this.errorsAnswer = answer;
    }

    /** Records an error on a message the stand-in took, as Domibus does for each attempt that failed. */
    void recordError(String messageId, String code, String detail, Instant at) {
        errors.computeIfAbsent(messageId, id -> new CopyOnWriteArrayList<>())
                .add(new RecordedError(code, detail, "SENDING", at));
    }

    /** How often {@code getMessageErrors} was asked. */
    int errorsAsked() {
        return errorsAsked.get();
    }

    BackendInterface pushPort() {
        return pushTarget;
    }

    List<Submitted> submitted() {
        return List.copyOf(submitted);
    }

    /** The Content-Type of every request, as it came. */
    List<String> contentTypes() {
        return List.copyOf(contentTypes);
    }

    List<String> markedDownloaded() {
        return List.copyOf(markedDownloaded);
    }

    synchronized List<String> pendingIds() {
        return List.copyOf(pending.keySet());
    }

    /** A message Domibus received for the back-end, held until the back-end retrieves it (pull). */
    synchronized void stage(Messaging header, List<HeldPayload> payloads) {
        pending.put(header.getUserMessage().getMessageInfo().getMessageId(), new Submitted(header, payloads));
    }

    /** Pushes a received message to the connector, as {@code wsplugin.push.rules.*.type=RECEIVE_SUCCESS} does. */
    void push(Messaging header, List<HeldPayload> payloads) throws Exception {
        SubmitMessage message = new SubmitMessage();
        message.setMessageID(header.getUserMessage().getMessageInfo().getMessageId());
        for (HeldPayload held : payloads) {
            message.getPayload().add(payload(held));
        }
        pushTarget.submitMessage(message, header);
    }

    /** Holds a payload as Domibus would, as a file, with its SHA-256. */
    HeldPayload hold(String payloadId, String contentType, InputStream content) {
        try {
            Path file = Files.createTempFile(directory, "held-", ".bin");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long size;
            try (InputStream in = new DigestInputStream(content, digest); OutputStream out = Files.newOutputStream(file)) {
                size = in.transferTo(out);
            }
            return new HeldPayload(payloadId, contentType, file, HexFormat.of().formatHex(digest.digest()), size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public SubmitResponse submitMessage(SubmitRequest submitRequest, Messaging ebMSHeaderInfo) throws PluginFault {
        var message = ebMSHeaderInfo.getUserMessage();
        String id = message.getMessageInfo() == null ? null : message.getMessageInfo().getMessageId();
        if (id == null) {
            id = java.util.UUID.randomUUID() + "@domibus.stand-in";
        }
        if (UNCONFIGURED_ACTION.equals(message.getCollaborationInfo().getAction())) {
            throw fault("WS_PLUGIN:0002", "No matching leg found for the message");
        }
        String messageId = id;
        if (submitted.stream().anyMatch(s -> messageId.equals(s.header().getUserMessage().getMessageInfo()
                .getMessageId()))) {
            throw fault("WS_PLUGIN:0002", "Message with id " + id + " already exists");
        }
        if (submitRequest.getBodyload() != null) {
            throw fault("WS_PLUGIN:0005", "bodyload is not expected by this stand-in");
        }
        List<PartInfo> infos = message.getPayloadInfo() == null ? List.of() : message.getPayloadInfo().getPartInfo();
        if (infos.size() != submitRequest.getPayload().size()) {
            throw fault("WS_PLUGIN:0005", "PartInfo and payloads differ in number");
        }
        List<HeldPayload> held = new ArrayList<>();
        for (PartInfo info : infos) {
            LargePayloadType payload = submitRequest.getPayload().stream()
                    .filter(p -> p.getPayloadId().toLowerCase(Locale.ROOT)
                            .equals(info.getHref().toLowerCase(Locale.ROOT)))
                    .findFirst().orElseThrow(() -> fault("WS_PLUGIN:0005", "no payload for " + info.getHref()));
            try (InputStream in = payload.getValue().getInputStream()) {
                held.add(hold(payload.getPayloadId(), payload.getContentType(), in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Submitted taken = new Submitted(ebMSHeaderInfo, List.copyOf(held));
        submitted.add(taken);
        Consumer<Submitted> carrier = relay;
        if (carrier != null) {
            carrier.accept(taken);
            return accepted(id);
        }
        boolean unreachable = UNREACHABLE_PARTY.equals(message.getPartyInfo().getTo().getPartyId().getValue());
        if (unreachable) {
            Instant last = Instant.now();
            for (int attempt = 0; attempt < UNREACHABLE_ATTEMPTS.size(); attempt++) {
                recordError(messageId, "EBMS_0005", "Error dispatching message to " + UNREACHABLE_ENDPOINT + ": "
                        + UNREACHABLE_ATTEMPTS.get(attempt), last.minus(RETRY_INTERVAL.multipliedBy(
                        UNREACHABLE_ATTEMPTS.size() - 1 - attempt)));
            }
        }
        BackendInterface target = pushTarget;
        if (target != null) {
            reports.schedule(() -> {
                try {
                    if (unreachable) {
                        target.sendFailure(messageId);
                    } else {
                        target.sendSuccess(messageId);
                    }
                } catch (Exception e) {
                    // Domibus would retry by its push rule; the test sees the report missing
                }
            }, 50, TimeUnit.MILLISECONDS);
        }
        return accepted(id);
    }

    private static SubmitResponse accepted(String id) {
        SubmitResponse response = new SubmitResponse();
        response.getMessageID().add(id);
        return response;
    }

    @Override
    public synchronized ListPendingMessagesResponse listPendingMessages(ListPendingMessagesRequest request) {
        ListPendingMessagesResponse response = new ListPendingMessagesResponse();
        response.getMessageID().addAll(pending.keySet());
        return response;
    }

    @Override
    public synchronized void retrieveMessage(RetrieveMessageRequest request,
                                             Holder<RetrieveMessageResponse> retrieveMessageResponse,
                                             Holder<Messaging> ebMSHeaderInfo) throws PluginFault {
        Submitted held = pending.get(request.getMessageID());
        if (held == null) {
            throw fault("WS_PLUGIN:0009", "No message with id " + request.getMessageID() + " pending");
        }
        RetrieveMessageResponse response = new RetrieveMessageResponse();
        for (HeldPayload payload : held.payloads()) {
            response.getPayload().add(payload(payload));
        }
        if (request.isMarkAsDownloaded()) {
            pending.remove(request.getMessageID());
            markedDownloaded.add(request.getMessageID());
        }
        retrieveMessageResponse.value = response;
        ebMSHeaderInfo.value = held.header();
    }

    @Override
    public synchronized MarkMessageAsDownloadedResponse markMessageAsDownloaded(MarkMessageAsDownloadedRequest request)
            throws PluginFault {
        if (pending.remove(request.getMessageID()) == null) {
            throw fault("WS_PLUGIN:0009", "No message with id " + request.getMessageID() + " pending");
        }
        markedDownloaded.add(request.getMessageID());
        MarkMessageAsDownloadedResponse response = new MarkMessageAsDownloadedResponse();
        response.setMessageID(request.getMessageID());
        return response;
    }

    @Override
    public MessageStatus getStatus(StatusRequest request) {
        return submitted.stream().anyMatch(s -> request.getMessageID().equals(
                s.header().getUserMessage().getMessageInfo().getMessageId()))
                ? MessageStatus.ACKNOWLEDGED : MessageStatus.NOT_FOUND;
    }

    @Override
    public ErrorResultImplArray getMessageErrors(GetErrorsRequest request) throws PluginFault {
        errorsAsked.incrementAndGet();
        switch (errorsAnswer) {
            case FAULT -> throw fault("WS_PLUGIN:0001", "Generic error");
            case NOTHING -> {
                return new ErrorResultImplArray();
            }
            default -> {
                // as recorded, below
            }
        }
        String id = request.getMessageID();
        if (submitted.stream().noneMatch(s -> id.equals(s.header().getUserMessage().getMessageInfo().getMessageId()))) {
            throw fault("WS_PLUGIN:0009", "No message with id [" + id + "] found");
        }
        List<RecordedError> recorded = errors.getOrDefault(id, List.of());
        ErrorResultImplArray answer = new ErrorResultImplArray();
        for (int i = recorded.size() - 1; i >= 0; i--) {
            RecordedError error = recorded.get(i);
            ErrorResultImpl item = new ErrorResultImpl();
            item.setDomibusErrorCode(error.code());
            item.setErrorDetail(error.detail());
            item.setMessageInErrorId(id);
            item.setMshRole(error.mshRole());
            item.setTimestamp(xmlInstant(error.at()));
            answer.getItem().add(item);
        }
        return answer;
    }

    void close() {
        reports.shutdownNow();
    }

    private static XMLGregorianCalendar xmlInstant(Instant at) {
        try {
            return DatatypeFactory.newInstance().newXMLGregorianCalendar(GregorianCalendar.from(
                    ZonedDateTime.ofInstant(at, ZoneOffset.UTC)));
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LargePayloadType payload(HeldPayload held) {
        LargePayloadType payload = new LargePayloadType();
        payload.setPayloadId(held.payloadId());
        payload.setContentType(held.contentType());
        payload.setValue(new DataHandler(new FileDataSource(held.file().toFile())));
        return payload;
    }

    private static PluginFault fault(String code, String message) {
        FaultDetail detail = new FaultDetail();
        detail.setCode(code);
        detail.setMessage(message);
        return new PluginFault(message, detail);
    }

    /** Domibus requires the plugin user's HTTP Basic credential unless unsecure login is allowed. */
    static final class PluginUserCheck extends AbstractPhaseInterceptor<Message> {
        private final List<String> contentTypes;

        PluginUserCheck(List<String> contentTypes) {
            super(Phase.RECEIVE);
            addBefore(AttachmentInInterceptor.class.getName());
            this.contentTypes = contentTypes;
        }

        @Override
        public void handleMessage(Message message) {
            contentTypes.add(String.valueOf(message.get(Message.CONTENT_TYPE)));
            AuthorizationPolicy policy = message.get(AuthorizationPolicy.class);
            if (policy == null || !USER.equals(policy.getUserName()) || !PASSWORD.equals(policy.getPassword())) {
                throw new Fault(new SecurityException("Unauthorized plugin user"));
            }
        }
    }
}
