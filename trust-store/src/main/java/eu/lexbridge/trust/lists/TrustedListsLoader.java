package eu.lexbridge.trust.lists;

import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.tsl.InfoRecord;
import eu.europa.esig.dss.model.tsl.LOTLInfo;
import eu.europa.esig.dss.model.tsl.ParsingInfoRecord;
import eu.europa.esig.dss.model.tsl.TLInfo;
import eu.europa.esig.dss.model.tsl.TLValidationJobSummary;
import eu.europa.esig.dss.model.tsl.ValidationInfoRecord;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.service.http.commons.FileCacheDataLoader;
import eu.europa.esig.dss.spi.client.http.DSSFileLoader;
import eu.europa.esig.dss.spi.client.http.DataLoader;
import eu.europa.esig.dss.spi.client.http.IgnoreDataLoader;
import eu.europa.esig.dss.spi.tsl.TrustedListsCertificateSource;
import eu.europa.esig.dss.spi.x509.CommonCertificateSource;
import eu.europa.esig.dss.tsl.job.TLValidationJob;
import eu.europa.esig.dss.tsl.source.LOTLSource;
import eu.europa.esig.dss.tsl.sync.ExpirationAndSignatureCheckStrategy;
import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.trust.signature.UrlDataLoader;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a list of trusted lists (ETSI TS 119 612) and the trusted lists it points to, checks their signatures, and
 * keeps the result as a DSS {@link TrustedListsCertificateSource}: the trust anchors, with service type, status and
 * qualifiers, that DSS's qualification engine needs to tell a qualified signature or seal from an advanced one. A thin
 * wrapper around DSS's {@link TLValidationJob}, for the reasons the job leaves to its caller:
 *
 * <ul>
 * <li><b>last good source</b>: every refresh builds a new source; readers keep getting the previous one until the
 *     new LOTL was fetched, parsed and its signature verified against the configured signers, so a failed or
 *     tampered download never empties the trust anchors of a running connector;
 * <li><b>no trust from bad lists</b>: DSS's default synchronisation keeps the certificates of a trusted list whose
 *     signature is broken (it relies on the validation policy to warn); here a trusted list with an invalid
 *     signature, or past its next update, contributes nothing;
 * <li><b>no surprise network</b>: a {@code file:} LOTL is read from disk, {@code http(s):} goes where it says, and
 *     nothing else is followed;
 * <li><b>a summary in words</b> for logs, health checks and the operator.
 * </ul>
 *
 * <p>Thread-safe: {@link #refresh()} runs one at a time; {@link #certificateSource()} and {@link #summary()} never
 * block and never see a half-built source.
 */
public final class TrustedListsLoader {

    private static final Logger LOG = LoggerFactory.getLogger(TrustedListsLoader.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** Both TL versions in use in the EU lists (TS 119 612 v2.1.1 and v2.3.1); others are reported. */
    private static final List<Integer> TL_VERSIONS = List.of(5, 6);

    private final URI lotlLocation;
    private final Clock clock;
    private final TLValidationJob job;
    private final boolean cached;
    private final Object refreshing = new Object();
    private volatile Loaded loaded;

    /**
     * The source readers get, when it was loaded ({@code null}: never), and the summary of the refresh that made it
     * or of the last one that failed after it.
     */
    private record Loaded(TrustedListsCertificateSource source, Instant sourceLoadedAt, TrustedListsSummary summary) {
    }

    private TrustedListsLoader(URI lotlLocation, Collection<X509Certificate> lotlSigners, Path cacheDirectory,
                               Clock clock) {
        this.lotlLocation = lotlLocation;
        this.clock = clock;
        this.job = job(lotlLocation, lotlSigners, cacheDirectory);
        this.cached = cacheDirectory != null;
        this.loaded = new Loaded(new TrustedListsCertificateSource(), null, new TrustedListsSummary(clock.instant(),
                lotlLocation.toString(), false, List.of(), List.of("Not loaded yet")));
    }

    /**
     * A loader for the LOTL at {@code lotlLocation}; nothing is fetched before {@link #refresh()}.
     *
     * @param lotlLocation a {@code file:}, {@code http:} or {@code https:} URL
     * @param lotlSigners the certificates announced for signing the LOTL (for the EU LOTL: those published in the
     *     Official Journal); a LOTL signed by any other key is rejected
     * @param cacheDirectory where downloaded lists are kept, so that {@link #refreshFromCache()} can start without
     *     the network; {@code null} for none
     */
    public static TrustedListsLoader create(URI lotlLocation, Collection<X509Certificate> lotlSigners,
                                            Path cacheDirectory) {
        return create(lotlLocation, lotlSigners, cacheDirectory, Clock.systemUTC());
    }

    /** As {@link #create(URI, Collection, Path)}, with the clock that dates summaries and judges next updates. */
    public static TrustedListsLoader create(URI lotlLocation, Collection<X509Certificate> lotlSigners,
                                            Path cacheDirectory, Clock clock) {
        Objects.requireNonNull(lotlLocation, "lotlLocation");
        Objects.requireNonNull(lotlSigners, "lotlSigners");
        Objects.requireNonNull(clock, "clock");
        String scheme = lotlLocation.getScheme() == null ? "" : lotlLocation.getScheme().toLowerCase(Locale.ROOT);
        if (!List.of("file", "http", "https").contains(scheme)) {
            throw new IllegalArgumentException("The LOTL location must be a file:, http: or https: URL: "
                    + lotlLocation);
        }
        if (lotlSigners.isEmpty()) {
            throw new IllegalArgumentException("No LOTL signing certificate given for " + lotlLocation
                    + ": without one no LOTL can be trusted");
        }
        return new TrustedListsLoader(lotlLocation, List.copyOf(lotlSigners), cacheDirectory, clock);
    }

    /**
     * The trust anchors of the last accepted refresh; an empty source before the first one. The object is replaced,
     * never changed, by later refreshes: hand it to a validation and it stays consistent for that validation.
     */
    public TrustedListsCertificateSource certificateSource() {
        return loaded.source();
    }

    /** The summary of the last refresh, accepted or not. */
    public TrustedListsSummary summary() {
        return loaded.summary();
    }

    /** Fetches the LOTL and the trusted lists from their locations, now. */
    public TrustedListsSummary refresh() {
        return run(false);
    }

    /**
     * Loads the lists from the cache directory only, without fetching anything: for a start-up before the network
     * is there. Reports a problem and keeps the current source when the cache has no usable LOTL.
     *
     * @throws IllegalStateException when the loader has no cache directory
     */
    public TrustedListsSummary refreshFromCache() {
        return run(true);
    }

    private TrustedListsSummary run(boolean fromCache) {
        if (fromCache && !cached) {
            throw new IllegalStateException("The loader for " + lotlLocation + " has no cache directory to load from");
        }
        synchronized (refreshing) {
            Instant now = clock.instant();
            TrustedListsCertificateSource candidate = new TrustedListsCertificateSource();
            job.setTrustedListCertificateSource(candidate);
            TrustedListsSummary summary;
            try {
                if (fromCache) {
                    job.offlineRefresh();
                } else {
                    job.onlineRefresh();
                }
                summary = summarise(candidate.getSummary() != null ? candidate.getSummary() : job.getSummary(),
                        now);
            } catch (DSSException | IllegalStateException e) {
                summary = new TrustedListsSummary(now, lotlLocation.toString(), false, List.of(),
                        List.of("Cannot load the trusted lists from " + lotlLocation + ": " + e.getMessage()));
            }
            Loaded previous = loaded;
            if (summary.accepted()) {
                loaded = new Loaded(candidate, now, summary);
                LOG.info("Loaded the trusted lists from {}: {} lists, {} trust anchors", lotlLocation,
                        summary.lists().size(), candidate.getNumberOfTrustedEntityKeys());
            } else {
                List<String> problems = new ArrayList<>(summary.problems());
                problems.add(previous.sourceLoadedAt() != null
                        ? "Kept the trusted lists loaded at " + previous.sourceLoadedAt()
                        : "No trusted lists loaded: nothing is qualified until a refresh succeeds");
                summary = new TrustedListsSummary(summary.loadedAt(), summary.lotlLocation(), false,
                        summary.lists(), problems);
                loaded = new Loaded(previous.source(), previous.sourceLoadedAt(), summary);
                // The problems quote the lists themselves (locations, names): outside values.
                LOG.warn("Refreshing the trusted lists from {} failed: {}", lotlLocation, LogSafe.of(problems, 4096));
            }
            return summary;
        }
    }

    private TrustedListsSummary summarise(TLValidationJobSummary dss, Instant now) {
        List<TrustedListStatus> lists = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<LOTLInfo> lotls = dss == null ? List.of() : dss.getLOTLInfos();
        if (lotls.isEmpty()) {
            problems.add("DSS did not process the LOTL " + lotlLocation);
        }
        boolean accepted = false;
        for (LOTLInfo lotl : lotls) {
            TrustedListStatus status = status(lotl, true, now);
            lists.add(status);
            // Structure findings are reported, not blocking: the signature is what vouches for the content.
            accepted = usable(lotl, now);
            if (!status.problems().isEmpty()) {
                problems.add("LOTL " + lotl.getUrl() + ": " + String.join("; ", status.problems()));
            }
            for (TLInfo tl : lotl.getTLInfos()) {
                lists.add(status(tl, false, now));
            }
        }
        return new TrustedListsSummary(now, lotlLocation.toString(), accepted, lists, problems);
    }

    private static TrustedListStatus status(TLInfo info, boolean lotl, Instant now) {
        List<String> problems = new ArrayList<>();
        error(info.getDownloadCacheInfo(), "cannot fetch it", problems);
        ParsingInfoRecord parsing = info.getParsingCacheInfo();
        error(parsing, "cannot parse it", problems);
        String territory = null;
        Instant nextUpdate = null;
        int services = 0;
        if (parsing != null && parsing.isResultExist()) {
            territory = parsing.getTerritory();
            nextUpdate = Optional.ofNullable(parsing.getNextUpdateDate()).map(Date::toInstant).orElse(null);
            services = parsing.getTSNumber();
            if (parsing.getStructureValidationMessages() != null) {
                parsing.getStructureValidationMessages().forEach(message -> problems.add("structure: " + message));
            }
            if (nextUpdate == null) {
                problems.add("it has no next update (it is closed)");
            } else if (nextUpdate.isBefore(now)) {
                problems.add("it expired: its next update was due at " + nextUpdate);
            }
        }
        ValidationInfoRecord validation = info.getValidationCacheInfo();
        error(validation, "cannot validate its signature", problems);
        boolean valid = validation != null && validation.isResultExist() && validation.isValid();
        String indication = "NOT_VALIDATED";
        if (validation != null && validation.isResultExist() && validation.getIndication() != null) {
            indication = validation.getIndication().name() + (validation.getSubIndication() == null ? ""
                    : "/" + validation.getSubIndication().name());
            if (!valid) {
                problems.add("its signature is not valid (" + indication + ")"
                        + (lotl ? "" : ": its trust services are not used"));
            }
        }
        boolean used = !lotl && usable(info, now);
        return new TrustedListStatus(info.getUrl(), lotl, territory, valid, indication, nextUpdate, services, used,
                problems);
    }

    /**
     * What {@link ExpirationAndSignatureCheckStrategy} as configured here lets through: fetched (now, or earlier in
     * this loader's life), parsed, signed by an announced certificate, and not past its next update.
     */
    private static boolean usable(TLInfo info, Instant now) {
        ParsingInfoRecord parsing = info.getParsingCacheInfo();
        ValidationInfoRecord validation = info.getValidationCacheInfo();
        boolean fetched = info.getDownloadCacheInfo() != null && !info.getDownloadCacheInfo().isError();
        boolean current = parsing != null && parsing.isResultExist() && parsing.getNextUpdateDate() != null
                && !parsing.getNextUpdateDate().toInstant().isBefore(now);
        boolean valid = validation != null && validation.isResultExist() && validation.isValid();
        return fetched && current && valid;
    }

    private static void error(InfoRecord record, String what, List<String> problems) {
        if (record != null && record.isError()) {
            problems.add(what + ": " + record.getExceptionMessage());
        }
    }

    private static TLValidationJob job(URI lotlLocation, Collection<X509Certificate> lotlSigners,
                                       Path cacheDirectory) {
        CommonCertificateSource signers = new CommonCertificateSource();
        lotlSigners.forEach(certificate -> signers.addCertificate(new CertificateToken(certificate)));
        LOTLSource lotl = new LOTLSource();
        lotl.setUrl(lotlLocation.toString());
        lotl.setCertificateSource(signers);
        lotl.setTLVersions(TL_VERSIONS);

        // Reject, not just flag, lists with a bad signature or past their next update; the same for the LOTL.
        ExpirationAndSignatureCheckStrategy strategy = new ExpirationAndSignatureCheckStrategy();
        strategy.setAcceptInvalidTrustedList(false);
        strategy.setAcceptExpiredTrustedList(false);
        strategy.setAcceptInvalidListOfTrustedLists(false);
        strategy.setAcceptExpiredListOfTrustedLists(false);

        TLValidationJob job = new TLValidationJob();
        job.setListOfTrustedListSources(lotl);
        job.setSynchronizationStrategy(strategy);
        job.setExecutorService(daemonThreads());
        UrlDataLoader locations = UrlDataLoader.forLists();
        if (cacheDirectory == null) {
            job.setOnlineDataLoader(uncached(locations));
        } else {
            job.setOnlineDataLoader(cache(cacheDirectory, locations, 0));
            job.setOfflineDataLoader(cache(cacheDirectory, new IgnoreDataLoader(), -1));
        }
        return job;
    }

    /** With {@code expiry} 0 every read fetches anew and updates the cache; with -1 the cache is all there is. */
    private static FileCacheDataLoader cache(Path directory, DataLoader loader,
                                             long expiry) {
        FileCacheDataLoader cache = new FileCacheDataLoader(loader);
        cache.setFileCacheDirectory(directory.toFile());
        cache.setCacheExpirationTime(expiry);
        return cache;
    }

    private static DSSFileLoader uncached(UrlDataLoader locations) {
        return url -> new InMemoryDocument(locations.get(url), fileName(url));
    }

    private static String fileName(String url) {
        int slash = url.lastIndexOf('/');
        return slash >= 0 && slash < url.length() - 1 ? url.substring(slash + 1) : "list.xml";
    }

    /**
     * DSS fetches the trusted lists in parallel; daemon threads, so a command-line run is not kept alive for a
     * minute by an idle pool.
     */
    private static ExecutorService daemonThreads() {
        return Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "trusted-lists-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
