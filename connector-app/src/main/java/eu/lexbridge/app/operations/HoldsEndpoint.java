package eu.lexbridge.app.operations;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.flow.PartnerHolds;
import eu.lexbridge.core.log.LogSafe;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.lang.Nullable;

/**
 * The sends held for a partner's maintenance, on the management port (operators): {@code GET /actuator/holds} lists
 * them; {@code POST /actuator/holds/<partner>} ({@code {"reason": "…"}}) holds every send to it, business messages and
 * evidences, until {@code DELETE /actuator/holds/<partner>} releases them. Held messages wait in the broker and go at
 * their next attempt after the release; the relay timeout keeps counting. Each change is in the audit log.
 */
@Endpoint(id = "holds")
public class HoldsEndpoint {

    private static final Logger AUDIT = LoggerFactory.getLogger("lexbridge.audit");

    private final PartnerHolds holds;
    private final Predicate<String> knownPartner;

    /** @param knownPartner whether a partner of that name is in the directory */
    public HoldsEndpoint(PartnerHolds holds, Predicate<String> knownPartner) {
        this.holds = holds;
        this.knownPartner = knownPartner;
    }

    @ReadOperation
    public Map<String, Object> list() {
        List<Map<String, Object>> list = holds.all().stream().map(HoldsEndpoint::view).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("count", list.size());
        body.put("holds", list);
        return body;
    }

    @WriteOperation
    public WebEndpointResponse<Map<String, Object>> hold(@Selector String partner, @Nullable String reason,
                                                         SecurityContext caller) {
        try {
            known(partner);
            String who = OperatorProblems.operator(caller);
            PartnerHolds.Hold hold = holds.hold(partner, reason, who);
            AUDIT.info("operator {} holds the sends to partner {}: {}", LogSafe.of(who), LogSafe.of(partner),
                    LogSafe.of(hold.reason(), 500));
            return new WebEndpointResponse<>(view(hold), WebEndpointResponse.STATUS_OK);
        } catch (ConnectorException e) {
            return OperatorProblems.of(e);
        }
    }

    @DeleteOperation
    public WebEndpointResponse<Map<String, Object>> release(@Selector String partner, SecurityContext caller) {
        try {
            known(partner);
            String who = OperatorProblems.operator(caller);
            boolean released = holds.release(partner, who);
            if (released) {
                AUDIT.info("operator {} released the sends to partner {}", LogSafe.of(who), LogSafe.of(partner));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("partner", partner);
            body.put("released", released);
            body.put("detail", released ? "its messages go at their next attempt" : "it was not held");
            return new WebEndpointResponse<>(body, WebEndpointResponse.STATUS_OK);
        } catch (ConnectorException e) {
            return OperatorProblems.of(e);
        }
    }

    private void known(String partner) {
        if (partner == null || !knownPartner.test(partner)) {
            throw new ConnectorException(ErrorCode.UNKNOWN_PARTNER, "partner", "no partner is named '"
                    + LogSafe.of(partner, 64) + "'");
        }
    }

    private static Map<String, Object> view(PartnerHolds.Hold hold) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("partner", hold.partner());
        view.put("reason", hold.reason());
        view.put("heldBy", hold.heldBy());
        view.put("since", hold.since().toString());
        return view;
    }
}
