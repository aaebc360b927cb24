package eu.lexbridge.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import eu.lexbridge.app.security.CountedSecurityEvents;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The module map of docs/architecture.md, checked over every module on the application's class path (the core checks
 * its own purity in its ArchitectureTest): dependencies point inwards to the core; adapters never depend on each other (the AS4 gateway may use trust-store, which it
 * signs and verifies with); connector-app only wires.
 */
@AnalyzeClasses(packages = "eu.lexbridge", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleMapTest {

    private static final String TRUST = "eu.lexbridge.trust..";

    @ArchTest
    static final ArchRule adaptersDoNotDependOnEachOther = slices()
            .matching("eu.lexbridge.(persistence|messaging|directory|record|routes|backend|gateway)..")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule adaptersUseOnlyCoreAndTheirOwn = noClasses()
            .that().resideInAnyPackage("eu.lexbridge.persistence..", "eu.lexbridge.messaging..",
                    "eu.lexbridge.directory..", "eu.lexbridge.record..", "eu.lexbridge.routes..",
                    "eu.lexbridge.backend..")
            .should().dependOnClassesThat().resideInAnyPackage(TRUST, "eu.lexbridge.app..", "eu.lexbridge.tools..");

    @ArchTest
    static final ArchRule gatewayUsesCoreAndTrustOnly = noClasses().that().resideInAPackage("eu.lexbridge.gateway..")
            .should().dependOnClassesThat().resideInAnyPackage("eu.lexbridge.app..", "eu.lexbridge.tools..");

    @ArchTest
    static final ArchRule trustUsesCoreOnly = noClasses().that().resideInAPackage(TRUST)
            .should().dependOnClassesThat().resideInAnyPackage("eu.lexbridge.persistence..",
                    "eu.lexbridge.messaging..", "eu.lexbridge.directory..", "eu.lexbridge.record..",
                    "eu.lexbridge.routes..", "eu.lexbridge.backend..", "eu.lexbridge.gateway..", "eu.lexbridge.app..",
                    "eu.lexbridge.tools..");

    @ArchTest
    static final ArchRule appIsNotUsedByModules = noClasses().that().resideOutsideOfPackages("eu.lexbridge.app..",
                    "eu.lexbridge.tools..")
            .should().dependOnClassesThat().resideInAnyPackage("eu.lexbridge.app..", "eu.lexbridge.tools..");

    /** Every route lives in routes/, so that Hawtio's route list and the code's map agree. */
    @ArchTest
    static final ArchRule routeBuildersLiveInRoutes = classes().that().areAssignableTo(RouteBuilder.class)
            .and().resideInAPackage("eu.lexbridge..")
            .should().resideInAPackage("eu.lexbridge.routes..");

    /**
     * connector-app wires: its classes are auto-configurations, their properties, and the management port's guards.
     * It implements no port of the core, with two exceptions until operations get a module of their own: the security
     * events counted with Micrometer, and the views of a port that measure or trace it and pass every call on
     * (packages {@code metrics} and {@code tracing}).
     */
    @ArchTest
    static final ArchRule appImplementsNoPort = noClasses().that().resideInAPackage("eu.lexbridge.app..")
            .and().doNotBelongToAnyOf(CountedSecurityEvents.class).and().resideOutsideOfPackages("eu.lexbridge.app.metrics", "eu.lexbridge.app.tracing")
            .should().implement(com.tngtech.archunit.base.DescribedPredicate.describe("a port of the core",
                    c -> c.getPackageName().equals("eu.lexbridge.core.port")));

    @ArchTest
    static final ArchRule autoConfigurationsAreNamedSo = classes().that().areAnnotatedWith(AutoConfiguration.class)
            .should().haveSimpleNameEndingWith("AutoConfiguration");

    @ArchTest
    static final ArchRule propertiesAreRecords = classes().that().areAnnotatedWith(ConfigurationProperties.class)
            .should().beRecords();
}
