package eu.lexbridge.gateway.domibus;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The Domibus adapter builds on the core only; the app wires it, so no Spring, no Camel and no other adapter here. */
@AnalyzeClasses(packages = "eu.lexbridge.gateway.domibus", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noSpringNoCamel = noClasses().that().resideInAPackage("eu.lexbridge.gateway.domibus..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.camel..");

    @ArchTest
    static final ArchRule onlyCoreOfOurs = noClasses().that().resideInAPackage("eu.lexbridge.gateway.domibus..")
            .should().dependOnClassesThat(resideInAPackage("eu.lexbridge..")
                    .and(not(resideInAnyPackage("eu.lexbridge.gateway.domibus..", "eu.lexbridge.core.."))));
}
