package eu.lexbridge.gateway.as4;

import com.helger.config.fallback.ConfigWithFallback;
import com.helger.config.fallback.IConfigWithFallback;
import com.helger.config.source.MultiConfigurationValueProvider;
import com.helger.config.source.appl.ConfigurationSourceFunction;
import com.helger.phase4.config.AS4Configuration;
import com.helger.phase4.incoming.AS4ServerInitializer;
import com.helger.phase4.incoming.mgr.AS4ProfileSelector;
import com.helger.phase4.mgr.IAS4ManagerFactory;
import com.helger.phase4.model.message.MessageHelperMethods;
import com.helger.phase4.mgr.MetaAS4Manager;
import com.helger.phase4.util.AS4ResourceHelper;
import com.helger.photon.io.WebFileIO;
import com.helger.servlet.ServletHelper;
import com.helger.web.scope.mgr.WebScopeManager;
import com.helger.xservlet.requesttrack.RequestTrackerSettings;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * phase4's process-wide state: its global scope, data path, configuration, managers and our profile. phase4 keeps
 * these in JVM singletons, so there is one AS4 identity per JVM and {@link #start} refuses a second runtime.
 *
 * <p>Start it before creating {@link As4ReceivingServlet} or sending with {@link EmbeddedAccessPoint}, e.g. from a
 * {@code ServletContextInitializer}; close it when the application stops.
 */
public final class As4Runtime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(As4Runtime.class);

    /** Above system properties (400): these keys follow {@link As4Settings}, not stray {@code -D} flags. */
    private static final int CONFIG_PRIORITY = 500;
    private static final String MAIL_STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
    private static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    /** Below the data directory: phase4's temporary files. */
    static final String TEMP = "tmp";

    private static As4Runtime current;

    private final IConfigWithFallback previousConfig;
    private final IAS4ManagerFactory previousManagerFactory;
    private final String previousMessageIdSuffix;
    private final boolean ownsGlobalScope;
    private boolean closed;

    private As4Runtime(IConfigWithFallback previousConfig, IAS4ManagerFactory previousManagerFactory,
                       String previousMessageIdSuffix, boolean ownsGlobalScope) {
        this.previousConfig = previousConfig;
        this.previousManagerFactory = previousManagerFactory;
        this.previousMessageIdSuffix = previousMessageIdSuffix;
        this.ownsGlobalScope = ownsGlobalScope;
    }

    /**
     * @throws IllegalStateException when a runtime is already running in this JVM
     * @throws UncheckedIOException when the data directory cannot be created
     */
    public static synchronized As4Runtime start(ServletContext servletContext, As4Settings settings) {
        Objects.requireNonNull(servletContext, "servletContext");
        Objects.requireNonNull(settings, "settings");
        if (current != null) {
            throw new IllegalStateException("an As4Runtime is already running: phase4 allows one AS4 identity per JVM");
        }
        try {
            Files.createDirectories(settings.dataDirectory().resolve(TEMP));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the AS4 data directory " + settings.dataDirectory(), e);
        }
        // phase4's temporary files (decrypted or decompressed parts) stay on the data volume, not in a shared /tmp.
        AS4ResourceHelper.setTempDir(settings.dataDirectory().resolve(TEMP).toFile());
        StreamingGcmProvider.installIfNeeded();
        // Attachments digested for a signature, or its check, without a copy in the heap.
        StreamedAttachmentContentTransform.install();
        avoidMailProviderScan();

        IConfigWithFallback previousConfig = AS4Configuration.getConfig();
        AS4Configuration.setConfig(configFor(settings));
        IAS4ManagerFactory previousFactory = MetaAS4Manager.getFactory();
        MetaAS4Manager.setFactory(new ReceiverSideDuplicates());
        // Receipts and error signals get ids phase4 generates; they end in our ebMS id domain, not "@phase4".
        String previousSuffix = MessageHelperMethods.getCustomMessageIDSuffix();
        MessageHelperMethods.setCustomMessageIDSuffix(settings.ebmsIdDomain());

        boolean ownsScope = !WebScopeManager.isGlobalScopePresent();
        if (ownsScope) {
            WebScopeManager.onGlobalBegin(servletContext);
        }
        // A 50 MB message legitimately takes seconds; the tracker would log an ERROR every 2 s meanwhile.
        RequestTrackerSettings.setLongRunningRequestsCheckEnabled(false);
        String contextPath = ServletHelper.getServletContextBasePath(servletContext);
        WebFileIO.initPaths(settings.dataDirectory().toAbsolutePath().toFile(),
                contextPath != null ? contextPath : settings.dataDirectory().toAbsolutePath().toString(), false);
        AS4ProfileSelector.setCustomDefaultAS4ProfileID(LexBridgeProfile.ID);
        AS4ServerInitializer.initAS4Server();
        if (MetaAS4Manager.getProfileMgr().getProfileOfID(LexBridgeProfile.ID) == null) {
            throw new IllegalStateException("AS4 profile " + LexBridgeProfile.ID
                    + " is not registered: META-INF/services/com.helger.phase4.profile.IAS4ProfileRegistrarSPI is missing");
        }
        current = new As4Runtime(previousConfig, previousFactory, previousSuffix, ownsScope);
        LOG.info("AS4 runtime started for party {} (profile {}, data {})", settings.home().partyId(),
                LexBridgeProfile.ID, settings.dataDirectory());
        return current;
    }

    /** Whether a runtime is running in this JVM: sending needs one. */
    static synchronized boolean isRunning() {
        return current != null;
    }

    @Override
    public void close() {
        synchronized (As4Runtime.class) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                AS4ServerInitializer.shutdownAS4Server();
                WebFileIO.resetPaths();
                if (ownsGlobalScope && WebScopeManager.isGlobalScopePresent()) {
                    WebScopeManager.onGlobalEnd();
                }
            } finally {
                AS4ProfileSelector.setCustomDefaultAS4ProfileID(null);
                AS4ResourceHelper.setTempDir(null);
                MetaAS4Manager.setFactory(previousManagerFactory);
                MessageHelperMethods.setCustomMessageIDSuffix(previousMessageIdSuffix);
                AS4Configuration.setConfig(previousConfig);
                current = null;
                LOG.info("AS4 runtime stopped");
            }
        }
    }

    private static IConfigWithFallback configFor(As4Settings settings) {
        Map<String, String> ours = Map.of(
                "global.datapath", settings.dataDirectory().toAbsolutePath().toString(),
                "global.production", "true",
                "global.nostartupinfo", "true",
                // PModes are built per message from the partner directory; nothing of phase4's needs persisting.
                "phase4.manager.inmemory", "true",
                "phase4.default.profile", LexBridgeProfile.ID,
                // A stack trace in an ebMS error would tell a stranger about our internals.
                "phase4.errormsg.include.stacktraces", "false");
        MultiConfigurationValueProvider provider = AS4Configuration.createPhase4ValueProvider();
        provider.addConfigurationSource(new ConfigurationSourceFunction(CONFIG_PRIORITY, ours::get), CONFIG_PRIORITY);
        return new ConfigWithFallback(provider);
    }

    /**
     * jakarta.mail looks its StreamProvider up through the ServiceLoader on every MIME parse and write (28% of receiver
     * CPU through Spring Boot's nested-jar class loader). Naming the one implementation on the class path keeps the
     * same behaviour without the scan; an operator's own choice is left alone.
     */
    private static void avoidMailProviderScan() {
        if (System.getProperty(MAIL_STREAM_PROVIDER) != null) {
            return;
        }
        try {
            Class.forName(ANGUS_STREAM_PROVIDER, false, As4Runtime.class.getClassLoader());
            System.setProperty(MAIL_STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
        } catch (ClassNotFoundException e) {
            LOG.debug("{} not on the class path; jakarta.mail keeps its ServiceLoader look-up", ANGUS_STREAM_PROVIDER);
        }
    }
}
