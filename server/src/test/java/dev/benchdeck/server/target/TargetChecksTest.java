package dev.benchdeck.server.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.engine.driver.DriverFactory;
import dev.benchdeck.engine.driver.DriverSpec;
import dev.benchdeck.engine.driver.Drivers;
import dev.benchdeck.engine.driver.TargetCheck;
import dev.benchdeck.engine.plan.ConfigNode;
import dev.benchdeck.server.system.Json;
import dev.benchdeck.server.system.UnprocessableException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The connection check of a target is the one its kind's driver offers; none offered is a 422, never a server fallback. */
class TargetChecksTest {

    private static final JsonNode SETTINGS = Json.read("{\"url\": \"http://127.0.0.1:1\"}");

    @Test
    void everyKindOfTargetGetsTheCheckOfTheDriverThatTalksToIt() {
        Drivers shipped = Drivers.discover();
        for (String kind : List.of(TargetKinds.HTTP, TargetKinds.POSTGRES, TargetKinds.LLM, TargetKinds.AUTOMATION,
                TargetKinds.GATEWAY, TargetKinds.INGESTOR)) {
            assertThat(TargetChecks.offeredCheck(shipped, kind, SETTINGS)).as(kind).isNotNull();
        }
    }

    @Test
    void theFactoryGetsTheKindAndTheSettingsAndItsReportIsTheAnswer() {
        AtomicReference<String> asked = new AtomicReference<>();
        TargetCheck.Report report = () -> true;
        DriverFactory llm = new Factory("llm") {
            @Override
            public Optional<TargetCheck> check(String targetKind, JsonNode target) {
                asked.set(targetKind + " " + target.path("url").asText());
                return Optional.of(() -> report);
            }
        };
        assertThat(TargetChecks.offeredCheck(Drivers.of(llm), TargetKinds.AUTOMATION, SETTINGS).run()).isSameAs(report);
        assertThat(asked).hasValue("automation http://127.0.0.1:1");
    }

    @Test
    void aKindWhoseDriverOffersNoCheckOrIsMissingIsUnprocessable() {
        assertThatThrownBy(() -> TargetChecks.offeredCheck(Drivers.of(new Factory("http")), TargetKinds.HTTP, SETTINGS))
                .isInstanceOf(UnprocessableException.class)
                .hasMessage("targets of kind http have no connection check: their driver, http, offers none");
        assertThatThrownBy(() -> TargetChecks.offeredCheck(Drivers.of(), TargetKinds.INGESTOR, SETTINGS))
                .isInstanceOf(UnprocessableException.class).hasMessageContaining("ingest");
    }

    /** A driver factory with no check and no telemetry. */
    private static class Factory implements DriverFactory {
        private final String name;

        Factory(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public DriverSpec parse(ConfigNode target, ConfigNode workload) {
            throw new UnsupportedOperationException("not used by checks");
        }
    }
}
