package eu.lexbridge.app.operations;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.flow.Resend;
import eu.lexbridge.core.message.ConnectorMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * {@code POST /actuator/resend/<connectorMessageId>} on the management port (operators): sends again a message whose
 * send failed (RELAY_FAILED), once its partner is back; the same ebMS message, a new relay timeout. 404 LB-1100 for an
 * unknown message, 409 LB-1303 for one in another state.
 */
@Endpoint(id = "resend")
public class ResendEndpoint {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Resend resend;

    public ResendEndpoint(Resend resend) {
        this.resend = resend;
    }

    @WriteOperation
    public WebEndpointResponse<Map<String, Object>> resend(@Selector String messageId, SecurityContext caller) {
        try {
            if (messageId == null || !UUID_TEXT.matcher(messageId).matches()) {
                throw new ConnectorException(ErrorCode.INVALID_FIELD, "messageId",
                        "messageId must be a connector message id (a UUID)");
            }
            ConnectorMessage message = resend.resend(UUID.fromString(messageId), OperatorProblems.operator(caller));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("connectorMessageId", message.connectorMessageId().toString());
            body.put("ebmsMessageId", message.ebmsMessageId());
            body.put("state", message.state().name());
            body.put("detail", "queued to be sent again to " + message.to().partyId());
            return new WebEndpointResponse<>(body, WebEndpointResponse.STATUS_OK);
        } catch (ConnectorException e) {
            return OperatorProblems.of(e);
        }
    }
}
