package eu.lexbridge.persistence;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Persistence implements core's stores on JDBC, the disk and S3: core, the JDK, Spring's JDBC support and the AWS SDK's
 * S3 client, nothing else.
 */
@AnalyzeClasses(packages = "eu.lexbridge.persistence", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyCoreJdkAndSpringJdbc = classes().should().onlyDependOnClassesThat().resideInAnyPackage(
            "eu.lexbridge.persistence..", "eu.lexbridge.core..", "java..", "javax.sql..",
            "org.springframework.jdbc..", "org.springframework.dao..", "org.springframework.transaction..",
            "javax.crypto..", "org.slf4j..", "software.amazon.awssdk..");
}
