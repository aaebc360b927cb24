package eu.lexbridge.tools.demo;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The access point an end-to-end test's connectors use: the embedded one, or Domibus (two stand-in nodes,
 * {@link DomibusNetwork}). A test that does not check the access point itself runs on both, in the README's test
 * command: the test class on the embedded access point, and a subclass of it marked {@link OnDomibus} on Domibus.
 */
public enum ItGateway {
    EMBEDDED,
    DOMIBUS;

    /** The access point of {@code testClass}'s connectors: Domibus where it is marked {@link OnDomibus}. */
    public static ItGateway of(Class<?> testClass) {
        return testClass.isAnnotationPresent(OnDomibus.class) ? DOMIBUS : EMBEDDED;
    }

    /** Marks the subclass of an end-to-end test that runs its tests with Domibus as the connectors' access point. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface OnDomibus {
    }
}
