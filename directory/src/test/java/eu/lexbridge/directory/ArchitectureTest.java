package eu.lexbridge.directory;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The directory answers who is who from core's types: no framework, no other module of ours. Jackson's parser is the
 * one library it reads with (the snapshot is JSON); it logs through SLF4J as core does.
 */
@AnalyzeClasses(packages = "eu.lexbridge.directory", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyCoreAndJdk = classes().should().onlyDependOnClassesThat().resideInAnyPackage(
            "eu.lexbridge.directory..", "eu.lexbridge.core..", "java..", "javax.security..", "javax.xml..", "com.fasterxml.jackson..", "org.slf4j..");
}
