package eu.lexbridge.record;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The case record is plain Java over core's types: no framework, no other module of ours. */
@AnalyzeClasses(packages = "eu.lexbridge.record", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyCoreAndJdk = classes().should().onlyDependOnClassesThat().resideInAnyPackage(
            "eu.lexbridge.record..", "eu.lexbridge.core..", "java..", "javax.xml..", "org.w3c.dom..", "org.xml.sax..",
            "org.slf4j..");
}
