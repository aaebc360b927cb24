package eu.lexbridge.routes;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.apache.camel.builder.RouteBuilder;

/** Routes wire core flows to queues: they know core and Camel, not Spring and not the other adapters. */
@AnalyzeClasses(packages = "eu.lexbridge.routes", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyCoreAndCamel = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "eu.lexbridge.trust..", "eu.lexbridge.gateway..",
                    "eu.lexbridge.backend..", "eu.lexbridge.app..", "eu.lexbridge.directory..");

    @ArchTest
    static final ArchRule routeBuildersAreNamedRoutes = classes().that().areAssignableTo(RouteBuilder.class)
            .should().haveSimpleNameEndingWith("Route");
}
