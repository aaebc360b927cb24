package eu.lexbridge.gateway.domibus;

import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.gateway.domibus.wire.plugin.ErrorResultImpl;
import eu.lexbridge.gateway.domibus.wire.plugin.ErrorResultImplArray;
import eu.lexbridge.gateway.domibus.wire.plugin.FaultDetail;
import eu.lexbridge.gateway.domibus.wire.plugin.GetErrorsRequest;
import eu.lexbridge.gateway.domibus.wire.plugin.PluginFault;
import eu.lexbridge.gateway.domibus.wire.plugin.WebServicePluginInterface;
import jakarta.xml.ws.WebServiceException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.datatype.XMLGregorianCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Why Domibus gave up sending a message, as Domibus recorded it: asks its WS plugin for the message's errors ({@code
 * getMessageErrors}) and gives the most recent one's code and detail, e.g. {@code "EBMS:0005 Error dispatching message
 * to https://ap.example/domibus/services/msh"}. Domibus's push of a send failure says only that it failed; this is
 * the why that goes with it. Never throws: an error list that cannot be had is empty. A client of its own, with short
 * timeouts, since it is asked while Domibus waits for the answer to its push. Thread-safe.
 */
public final class MessageErrors {

    private static final Logger LOG = LoggerFactory.getLogger(MessageErrors.class);
    /** How much of Domibus's detail is kept: enough for the cause, not a stack trace in a sealed evidence. */
    static final int MAX_DETAIL = 300;
    /** Well under Domibus's own wait for the push's answer ({@code wsplugin.dispatcher.receiveTimeout}, 60 s). */
    private static final Duration MOST_PATIENCE = Duration.ofSeconds(10);
    /** Domibus's name of an ebMS error code, {@code EBMS_0004}; the ebMS specification writes it {@code EBMS:0004}. */
    private static final Pattern EBMS_CODE_NAME = Pattern.compile("EBMS_\\d{4}");

    private final WebServicePluginInterface plugin;

    public MessageErrors(DomibusSettings settings) {
        this.plugin = PluginClient.create(new DomibusSettings(settings.pluginAddress(), settings.username(),
                settings.password(), settings.tlsTrust(), shortest(settings.connectTimeout()),
                shortest(settings.receiveTimeout())));
    }

    /**
     * @param ebmsMessageId the message Domibus reported about
     * @return the most recent error Domibus recorded on it, its code then its detail (one line, at most {@value
     *     #MAX_DETAIL} characters of it); empty when Domibus recorded none or could not be asked
     */
    public Optional<String> latest(String ebmsMessageId) {
        ErrorResultImplArray errors;
        try {
            GetErrorsRequest request = new GetErrorsRequest();
            request.setMessageID(ebmsMessageId);
            errors = plugin.getMessageErrors(request);
        } catch (PluginFault e) {
            LOG.warn("Domibus did not give the errors it recorded on message {}: {}", LogSafe.of(ebmsMessageId),
                    refusal(e));
            return Optional.empty();
        } catch (WebServiceException e) {
            LOG.warn("the errors Domibus recorded on message {} could not be read: {}", LogSafe.of(ebmsMessageId),
                    TransportTrouble.describe(e));
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.warn("the errors Domibus recorded on message {} could not be read", LogSafe.of(ebmsMessageId), e);
            return Optional.empty();
        }
        ErrorResultImpl latest = null;
        for (ErrorResultImpl error : errors == null ? List.<ErrorResultImpl>of() : errors.getItem()) {
            if (saysSomething(error) && (latest == null || !recorded(error).isBefore(recorded(latest)))) {
                latest = error; // of two at the same instant, the one Domibus lists later
            }
        }
        return Optional.ofNullable(latest).map(MessageErrors::describe);
    }

    /** The plugin's fault in words: its code and sentence. */
    private static String refusal(PluginFault e) {
        FaultDetail detail = e.getFaultInfo();
        return detail == null ? LogSafe.of(e.getMessage(), 512)
                : LogSafe.of(detail.getCode(), 64) + " " + LogSafe.of(detail.getMessage(), 512);
    }

    private static boolean saysSomething(ErrorResultImpl error) {
        return error != null && (present(error.getDomibusErrorCode()) || present(error.getErrorDetail()));
    }

    private static String describe(ErrorResultImpl error) {
        String code = error.getDomibusErrorCode() == null ? null : error.getDomibusErrorCode().strip();
        String shownCode = !present(code) ? null
                : EBMS_CODE_NAME.matcher(code).matches() ? "EBMS:" + code.substring(5) : LogSafe.of(code, 64);
        String detail = present(error.getErrorDetail()) ? LogSafe.of(error.getErrorDetail().strip(), MAX_DETAIL)
                : null;
        if (shownCode == null) {
            return detail;
        }
        return detail == null ? shownCode : shownCode + " " + detail;
    }

    /** When Domibus recorded the error; one without its instant counts as the oldest. */
    private static Instant recorded(ErrorResultImpl error) {
        XMLGregorianCalendar timestamp = error.getTimestamp();
        return timestamp == null ? Instant.MIN : timestamp.toGregorianCalendar().toInstant();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static Duration shortest(Duration configured) {
        return configured.compareTo(MOST_PATIENCE) < 0 ? configured : MOST_PATIENCE;
    }
}
