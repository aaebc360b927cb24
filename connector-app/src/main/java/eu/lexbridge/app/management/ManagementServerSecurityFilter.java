package eu.lexbridge.app.management;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.util.EnumSet;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The management server's own registration of the security filter, first among its filters: Spring Boot would add it
 * there at the lowest precedence, behind Hawtio's and Jolokia's filters. Loaded into the management server's context
 * only (listed in {@code META-INF/spring/...ManagementContextConfiguration.imports}, never scanned).
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
public class ManagementServerSecurityFilter {

    @Bean
    FilterRegistrationBean<Filter> managementServerSecurityFilter(
            @Qualifier("springSecurityFilterChain") Filter chain, SecurityProperties security) {
        var registration = new FilterRegistrationBean<>(chain);
        registration.setName("managementServerSecurityFilter");
        registration.setOrder(security.getFilter().getOrder());
        registration.setDispatcherTypes(dispatcherTypes(security));
        return registration;
    }

    static EnumSet<DispatcherType> dispatcherTypes(SecurityProperties security) {
        return security.getFilter().getDispatcherTypes().stream()
                .map(type -> DispatcherType.valueOf(type.name()))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DispatcherType.class)));
    }
}
