package dev.benchdeck.driver.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.driver.http.Endpoint;
import dev.benchdeck.driver.llm.check.LlmCheck;
import dev.benchdeck.driver.llm.gateway.GatewayAdmin;
import dev.benchdeck.driver.llm.gateway.GatewayCheck;
import dev.benchdeck.driver.llm.gateway.GatewayTelemetry;
import dev.benchdeck.driver.llm.stream.LlmProviders;
import dev.benchdeck.engine.driver.Driver;
import dev.benchdeck.engine.driver.DriverException;
import dev.benchdeck.engine.driver.DriverFactory;
import dev.benchdeck.engine.driver.DriverSpec;
import dev.benchdeck.engine.driver.ErrorClasses;
import dev.benchdeck.engine.driver.TargetCheck;
import dev.benchdeck.engine.plan.ConfigNode;
import dev.benchdeck.engine.stream.ServiceLevels;
import dev.benchdeck.engine.telemetry.TelemetrySource;
import dev.benchdeck.engine.time.EngineClock;
import java.util.Optional;

/**
 * The {@code llm} driver: LLM APIs (OpenAI chat and completions, Anthropic messages, any
 * OpenAI-compatible server), generic SSE streams and automation APIs (sync, submit-and-poll, SSE
 * progress), with TTFT, ITL, TPOT, E2E, tokens and goodput.
 */
public final class LlmDriverFactory implements DriverFactory {

    public static final String NAME = "llm";
    /** The target kind of Benchdeck's streaming gateway, which this driver loads through api gateway. */
    public static final String GATEWAY_KIND = "gateway";
    /** An LLM endpoint (OpenAI, Anthropic, any OpenAI-compatible server) with its API key and default model. */
    public static final String LLM_KIND = "llm";
    /** An automation API (web agents and the like) with its API key. */
    public static final String AUTOMATION_KIND = "automation";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DriverSpec parse(ConfigNode target, ConfigNode workload) {
        LlmTarget checkedTarget = LlmReader.target(target);
        LlmWorkload checkedWorkload = LlmReader.workload(workload, checkedTarget);
        return new Spec(checkedTarget, checkedWorkload);
    }

    /** A {@code gateway} target ({@code url}, {@code admin_token}) offers its execution stats. */
    @Override
    public Optional<TelemetrySource> telemetry(String targetKind, JsonNode target) {
        if (!GATEWAY_KIND.equals(targetKind) || !target.path("url").isTextual()) {
            return Optional.empty();
        }
        JsonNode token = target.path("admin_token");
        return Optional.of(new GatewayTelemetry(new GatewayAdmin(target.get("url").asText(), token.isTextual() ? token.asText() : null)));
    }

    /**
     * An llm target's one-token request to its default model, an automation's GET of its base URL, a gateway's
     * health and admin API (see {@link LlmCheck} and {@link GatewayCheck}).
     */
    @Override
    public Optional<TargetCheck> check(String targetKind, JsonNode target) {
        return switch (targetKind) {
            case LLM_KIND -> Optional.of(() -> LlmCheck.model(target));
            case AUTOMATION_KIND -> Optional.of(() -> LlmCheck.automation(target));
            case GATEWAY_KIND -> Optional.of(() -> GatewayCheck.run(target));
            default -> Optional.empty();
        };
    }

    private record Spec(LlmTarget target, LlmWorkload workload) implements DriverSpec {
        @Override
        public Driver open(EngineClock clock) throws DriverException {
            String keyProblem = LlmProviders.apiKeyProblem(target.resolvedApiKey());
            if (keyProblem != null) {
                throw new DriverException(ErrorClasses.PROTOCOL, "the API key in environment variable " + target.apiKeyEnv()
                        + " (target.api_key_env) " + keyProblem);
            }
            // a wrong host or port fails here, once, instead of as every request's error
            Endpoint endpoint = Endpoint.resolve(target.asHttpTarget());
            endpoint.probe(clock);
            return new LlmDriver(clock, target, workload, endpoint);
        }

        @Override
        public ServiceLevels serviceLevels() {
            return workload.serviceLevels();
        }
    }
}
