package dev.benchdeck.server.system;

import dev.benchdeck.engine.driver.Drivers;
import dev.benchdeck.engine.plan.PlanReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine's plan reader with the drivers on the class path, shared by every feature. */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    @Bean
    PlanReader planReader() {
        return new PlanReader(Drivers.discover());
    }
}
