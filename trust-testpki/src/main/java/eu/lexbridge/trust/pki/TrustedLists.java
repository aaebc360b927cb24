package eu.lexbridge.trust.pki;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The ETSI TS 119 612 lists of the test PKI, each signed (enveloped XAdES) by a key of its own that was thrown away.
 *
 * @param territory the scheme territory of the trusted list, {@link TestPki#TERRITORY}
 * @param trustedList the trusted list ({@code tl/XX-tl.xml}): the issuing CA as CA/QC, granted, for e-signatures
 *     and e-seals
 * @param listOfTrustedLists the list of trusted lists ({@code tl/lotl.xml}) pointing to the trusted list
 * @param trustedListSigner the trusted list signer's certificate, PEM ({@code tl/tl-signer.crt}); the LOTL pointer
 *     announces it
 * @param listOfTrustedListsSigner the LOTL signer's certificate, PEM ({@code tl/lotl-signer.crt}): what a loader
 *     must be configured with, as it is with the Official Journal's announcement for the EU LOTL
 * @param trustedListLocation where the LOTL says the trusted list is
 * @param listOfTrustedListsLocation where the LOTL says it is itself: the URL to load
 */
public record TrustedLists(String territory, Path trustedList, Path listOfTrustedLists, Path trustedListSigner,
                           Path listOfTrustedListsSigner, URI trustedListLocation, URI listOfTrustedListsLocation) {
    public TrustedLists {
        Objects.requireNonNull(territory, "territory");
        Objects.requireNonNull(trustedList, "trustedList");
        Objects.requireNonNull(listOfTrustedLists, "listOfTrustedLists");
        Objects.requireNonNull(trustedListSigner, "trustedListSigner");
        Objects.requireNonNull(listOfTrustedListsSigner, "listOfTrustedListsSigner");
        Objects.requireNonNull(trustedListLocation, "trustedListLocation");
        Objects.requireNonNull(listOfTrustedListsLocation, "listOfTrustedListsLocation");
    }

    TrustedLists relocated(Path from, Path to) {
        return new TrustedLists(territory, GeneratedPki.relocated(trustedList, from, to),
                GeneratedPki.relocated(listOfTrustedLists, from, to),
                GeneratedPki.relocated(trustedListSigner, from, to),
                GeneratedPki.relocated(listOfTrustedListsSigner, from, to), trustedListLocation,
                listOfTrustedListsLocation);
    }
}
