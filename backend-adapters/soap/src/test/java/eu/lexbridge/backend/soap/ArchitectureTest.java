package eu.lexbridge.backend.soap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The SOAP adapter knows the core and its frameworks, never another module; the wire classes are generated only. */
@AnalyzeClasses(packages = "eu.lexbridge.backend.soap", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String WIRE = "eu.lexbridge.backend.soap.wire..";

    @ArchTest
    static final ArchRule noOtherModule = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("eu.lexbridge.app..", "eu.lexbridge.routes..", "eu.lexbridge.gateway..",
                    "eu.lexbridge.trust..", "eu.lexbridge.directory..", "eu.lexbridge.backend.rest..",
                    "eu.lexbridge.persistence..", "eu.lexbridge.messaging..");

    @ArchTest
    static final ArchRule coreAndFrameworksOnly = classes().that().resideOutsideOfPackage(WIRE)
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("eu.lexbridge.core..", "eu.lexbridge.backend.soap..", "java..", "javax.xml..",
                    "jakarta.activation..", "jakarta.jws..", "jakarta.xml.ws..", "jakarta.xml.bind..", "jakarta.validation..",
                    "org.apache.cxf..", "org.apache.wss4j..", "javax.security.auth..",
                    "org.springframework..", "org.slf4j..", "org.w3c.dom..");

    /** The generated wire model is data only: it never reaches into the connector. */
    @ArchTest
    static final ArchRule wireKnowsNothingOfTheConnector = noClasses().that().resideInAPackage(WIRE)
            .should().dependOnClassesThat().resideInAnyPackage("eu.lexbridge.core..",
                    "eu.lexbridge.backend.soap.service..", "eu.lexbridge.backend.soap.auth..");
}
