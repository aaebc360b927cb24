package eu.lexbridge.gateway.domibus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;

/**
 * A real servlet container on loopback with CXF's servlet under {@code /services}: endpoints published on {@link #bus()}
 * with a relative address are served at {@link #url(String)}.
 */
final class LoopbackServer implements AutoCloseable {

    private final Tomcat tomcat = new Tomcat();
    private final Bus bus = BusFactory.newInstance().createBus();
    private final Path baseDirectory;
    private final int port;

    LoopbackServer() {
        this(0);
    }

    /** @param port the port to listen on, 0 for any free one: a server started again takes the port it had */
    LoopbackServer(int port) {
        try {
            baseDirectory = Files.createTempDirectory("loopback-tomcat");
            tomcat.setBaseDir(baseDirectory.toString());
            Connector connector = new Connector();
            connector.setPort(port);
            connector.setProperty("address", "127.0.0.1");
            tomcat.setConnector(connector);
            Context context = tomcat.addContext("", baseDirectory.toString());
            CXFNonSpringServlet servlet = new CXFNonSpringServlet();
            servlet.setBus(bus);
            Tomcat.addServlet(context, "cxf", servlet).setLoadOnStartup(1);
            context.addServletMappingDecoded("/services/*", "cxf");
            tomcat.start();
            this.port = connector.getLocalPort();
            if (this.port <= 0 || port != 0 && this.port != port) {
                throw new IllegalStateException("the loopback server could not listen on port " + port);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (LifecycleException e) {
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return port;
    }

    Bus bus() {
        return bus;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + "/services" + path;
    }

    private boolean closed;

    @Override
    public synchronized void close() throws Exception {
        if (closed) {
            return;
        }
        closed = true;
        tomcat.stop();
        tomcat.destroy();
        bus.shutdown(true);
    }
}
