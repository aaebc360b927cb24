package eu.lexbridge.trust;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * trust-store builds on the core only: its code may use the core, the JDK, Bouncy Castle, DSS and SLF4J, and nothing
 * else — no Spring, no Camel, no other LexBridge module, and not phase4's Santuario (DSS brings its own, relocated, so
 * that xmlsec 4 stays free for phase4; the seal's XPath transform is registered in DSS's copy).
 */
@AnalyzeClasses(packages = "eu.lexbridge.trust", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyCoreJdkBouncyCastleDssAndSlf4j = classes().that().resideInAPackage("eu.lexbridge.trust..")
            // the test PKI is a module of its own (trust-testpki), on this class path for the tests only
            .and().resideOutsideOfPackage("eu.lexbridge.trust.pki..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "eu.lexbridge.trust..", "eu.lexbridge.core..",
                    "java..",
                    // the JDK's javax packages only: javax.xml.bind and javax.xml.ws are not the JDK's any more
                    "javax.xml", "javax.xml.stream..", "javax.xml.parsers..", "javax.xml.transform..",
                    "javax.xml.namespace..", "javax.xml.datatype..", "javax.xml.xpath..", "javax.xml.validation..",
                    "javax.xml.crypto..", "javax.crypto..", "javax.net..", "javax.security..", "javax.naming..",
                    "org.w3c.dom..", "org.xml.sax..",
                    "org.bouncycastle..",
                    "eu.europa.esig..", "eu.lexbridge.shaded.xmlsec3..",
                    "org.slf4j..");
}
