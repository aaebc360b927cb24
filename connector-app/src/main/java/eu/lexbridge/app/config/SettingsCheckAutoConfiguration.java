package eu.lexbridge.app.config;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * The {@code lexbridge.*} keys given are checked before any bean is made ({@link UnknownSettings}), so a misspelt key
 * stops the start at once with its name, before a broker or a database is touched.
 */
@AutoConfiguration
public class SettingsCheckAutoConfiguration {

    @Bean
    static BeanFactoryPostProcessor lexbridgeSettingsCheck(Environment environment) {
        return beanFactory -> {
            if (environment instanceof ConfigurableEnvironment configurable) {
                UnknownSettings.check(configurable, KnownSettings.fromClassPath(beanFactory.getBeanClassLoader()
                        == null ? SettingsCheckAutoConfiguration.class.getClassLoader()
                        : beanFactory.getBeanClassLoader()));
            }
        };
    }
}
