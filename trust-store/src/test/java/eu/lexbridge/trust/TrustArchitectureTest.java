package eu.lexbridge.trust;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;

/**
 * The layout inside trust-store: evidence, container and document validation each build on the shared basics (the
 * signature-checks block and the sealers in {@code signature}, {@code keys}, {@code xml}, {@code lists}) and never on
 * each other, so that what two of them share is found in a basic package, once. The basics use none of them. The
 * adapters of core's ports ({@code port}) and the test PKI ({@code pki}) may use everything: nothing else uses them.
 */
@AnalyzeClasses(packages = "eu.lexbridge.trust", importOptions = ImportOption.DoNotIncludeTests.class)
class TrustArchitectureTest {

    private static final List<String> FEATURES = List.of("evidence", "container", "document");
    private static final String[] BASICS = {"eu.lexbridge.trust.signature..", "eu.lexbridge.trust.keys..",
            "eu.lexbridge.trust.xml..", "eu.lexbridge.trust.lists.."};

    /** One slice per feature package; the basics, {@code port} and {@code pki} are in none. */
    private static final SliceAssignment FEATURE_SLICES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            return FEATURES.stream()
                    .filter(feature -> name.equals("eu.lexbridge.trust." + feature)
                            || name.startsWith("eu.lexbridge.trust." + feature + "."))
                    .findFirst().map(SliceIdentifier::of).orElse(SliceIdentifier.ignore());
        }

        @Override
        public String getDescription() {
            return "evidence, container and document validation";
        }
    };

    @ArchTest
    static final ArchRule evidenceContainerAndDocumentDoNotUseEachOther = slices().assignedFrom(FEATURE_SLICES)
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule theBasicsUseNoFeature = noClasses().that().resideInAnyPackage(BASICS)
            .should().dependOnClassesThat().resideInAnyPackage("eu.lexbridge.trust.evidence..",
                    "eu.lexbridge.trust.container..", "eu.lexbridge.trust.document..");

    @ArchTest
    static final ArchRule onlyThePortsAndThePkiMayUsePortsAndPki = noClasses().that()
            .resideOutsideOfPackages("eu.lexbridge.trust.port..", "eu.lexbridge.trust.pki..")
            .should().dependOnClassesThat().resideInAnyPackage("eu.lexbridge.trust.port..",
                    "eu.lexbridge.trust.pki..");
}
