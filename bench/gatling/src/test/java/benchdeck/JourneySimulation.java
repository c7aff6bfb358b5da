package benchdeck;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;

/**
 * The journey of bench/journeys/journey.yaml in Gatling's Java DSL: five GETs, each saving the answer's id by JSONPath
 * for the next one's path; Gatling's cookie jar keeps the session cookie the first sets. N users loop for S seconds.
 */
public class JourneySimulation extends Simulation {

    private final String baseUrl = System.getProperty("baseUrl", "http://127.0.0.1:18201");
    private final int users = Integer.getInteger("users", 50);
    private final int seconds = Integer.getInteger("seconds", 17);

    private final HttpProtocolBuilder protocol = http.baseUrl(baseUrl).shareConnections();

    private final ScenarioBuilder journey = scenario("five-step journey").forever().on(
            exec(http("s1").get("/j/1").check(jsonPath("$.id").saveAs("id1")))
                    .exec(http("s2").get("/j/2/#{id1}").check(jsonPath("$.id").saveAs("id2")))
                    .exec(http("s3").get("/j/3/#{id2}").check(jsonPath("$.id").saveAs("id3")))
                    .exec(http("s4").get("/j/4/#{id3}").check(jsonPath("$.id").saveAs("id4")))
                    .exec(http("s5").get("/j/5/#{id4}").check(jsonPath("$.id").saveAs("id5"))));

    {
        setUp(journey.injectClosed(constantConcurrentUsers(users).during(Duration.ofSeconds(seconds))))
                .maxDuration(Duration.ofSeconds(seconds))
                .protocols(protocol);
    }
}
