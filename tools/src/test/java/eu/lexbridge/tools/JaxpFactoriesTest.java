package eu.lexbridge.tools;

import static org.assertj.core.api.Assertions.assertThat;

import javax.xml.datatype.DatatypeFactory;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JaxpFactoriesTest {

    private static final String DOCUMENTS = "javax.xml.parsers.DocumentBuilderFactory";
    private static final String XPATH = XPathFactory.DEFAULT_PROPERTY_NAME + ":" + XPathFactory.DEFAULT_OBJECT_MODEL_URI;
    private static final String[] PROPERTIES = {DOCUMENTS, "javax.xml.parsers.SAXParserFactory",
            "javax.xml.transform.TransformerFactory", XPATH, DatatypeFactory.DATATYPEFACTORY_PROPERTY};

    private final String[] before = new String[PROPERTIES.length];

    {
        for (int i = 0; i < PROPERTIES.length; i++) {
            before[i] = System.getProperty(PROPERTIES[i]);
            System.clearProperty(PROPERTIES[i]);
        }
    }

    @AfterEach
    void restore() {
        for (int i = 0; i < PROPERTIES.length; i++) {
            if (before[i] == null) {
                System.clearProperty(PROPERTIES[i]);
            } else {
                System.setProperty(PROPERTIES[i], before[i]);
            }
        }
    }

    @Test
    void theJdksOwnFactoriesAreNamedAndStayTheOnesFound() throws Exception {
        Class<?> documents = DocumentBuilderFactory.newInstance().getClass();
        Class<?> transformers = TransformerFactory.newInstance().getClass();

        JaxpFactories.nameTheOnesFound();

        for (String property : PROPERTIES) {
            assertThat(System.getProperty(property)).as(property).startsWith("com.sun.org.apache.");
        }
        assertThat(System.getProperty(DOCUMENTS)).isEqualTo(documents.getName());
        assertThat(DocumentBuilderFactory.newInstance().getClass()).isEqualTo(documents);
        assertThat(TransformerFactory.newInstance().getClass()).isEqualTo(transformers);
        assertThat(XPathFactory.newInstance().getClass().getName()).isEqualTo(System.getProperty(XPATH));
    }

    @Test
    void aFactoryNamedOnPurposeIsKept() {
        System.setProperty(DOCUMENTS, "org.example.OwnFactory");

        JaxpFactories.nameTheOnesFound();

        assertThat(System.getProperty(DOCUMENTS)).isEqualTo("org.example.OwnFactory");
    }
}
