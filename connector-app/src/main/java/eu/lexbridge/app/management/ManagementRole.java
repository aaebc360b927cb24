package eu.lexbridge.app.management;

import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What a person may do on the management port. An operator can do everything a viewer can. */
public enum ManagementRole {
    /** Reads: health details, info, metrics, Prometheus, Hawtio views, Jolokia read/list/search/version. */
    VIEWER,
    /** A viewer who may also run the operations of the management access policy (Camel routes, Artemis queues). */
    OPERATOR;

    /** The Spring Security role name, as in {@code hasRole(...)}. */
    public static final String VIEWER_ROLE = "VIEWER";
    public static final String OPERATOR_ROLE = "OPERATOR";

    /** Spring Security authorities of this role; an operator carries the viewer's too. */
    public List<GrantedAuthority> authorities() {
        var viewer = new SimpleGrantedAuthority("ROLE_" + VIEWER_ROLE);
        return this == OPERATOR ? List.of(viewer, new SimpleGrantedAuthority("ROLE_" + OPERATOR_ROLE))
                : List.of(viewer);
    }
}
