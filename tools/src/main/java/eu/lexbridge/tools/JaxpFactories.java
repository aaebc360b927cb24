package eu.lexbridge.tools;

import java.util.function.Supplier;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.xpath.XPathFactory;

/**
 * Names the JAXP factories the JVM finds, once, in the system properties JAXP reads first.
 *
 * <p>Why: without the property, every {@code DocumentBuilderFactory.newInstance()} (DSS builds one per document),
 * {@code DatatypeFactory.newInstance()} (DSS reads every date through one) and {@code XPathFactory.newInstance()}
 * (Santuario) looks for a service file in every jar on the class path, and in the executable jar that is every nested
 * jar: 11–13 % of a connector's CPU under load (issue 12's profile). The implementation stays the one the search finds.
 * A property already set is left alone, and only the JDK's own implementations are named: any thread's class loader
 * sees them, whereas a factory from a nested jar (Woodstox, say) is visible only to the application's.
 */
final class JaxpFactories {

    private JaxpFactories() {
    }

    static void nameTheOnesFound() {
        name("javax.xml.parsers.DocumentBuilderFactory", DocumentBuilderFactory::newInstance);
        name("javax.xml.parsers.SAXParserFactory", SAXParserFactory::newInstance);
        name("javax.xml.transform.TransformerFactory", TransformerFactory::newInstance);
        name(XPathFactory.DEFAULT_PROPERTY_NAME + ":" + XPathFactory.DEFAULT_OBJECT_MODEL_URI,
                XPathFactory::newInstance);
        name(DatatypeFactory.DATATYPEFACTORY_PROPERTY, () -> {
            try {
                return DatatypeFactory.newInstance();
            } catch (DatatypeConfigurationException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void name(String property, Supplier<?> factory) {
        if (System.getProperty(property) != null) {
            return;
        }
        Class<?> found = factory.get().getClass();
        ClassLoader loader = found.getClassLoader();
        if (loader == null || loader == ClassLoader.getPlatformClassLoader()) {
            System.setProperty(property, found.getName());
        }
    }
}
