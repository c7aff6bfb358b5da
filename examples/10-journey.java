// 10 — the Java twin of 10-journey.yaml: the same shop journey, written with the plan builder. It gives a plan equal to
// the YAML one (a test checks it), so it validates, runs and reports the same. Run it with the built-in demo target:
//   ./benchdeck run examples/10-journey.java --demo-target
// The CLI compiles this file on the fly and calls plan(); docs/journeys.md (Journeys in Java) explains the builder.
import static dev.benchdeck.driver.http.plan.Benchdeck.*;

import dev.benchdeck.driver.http.plan.Benchdeck;
import dev.benchdeck.driver.http.plan.FeederStrategy;
import dev.benchdeck.driver.http.plan.PlanBuilder;

class ShopJourney {

    static PlanBuilder plan() {
        return Benchdeck.plan("shop journey") // Benchdeck.: this class's own plan() hides the imported one
                .description("5 users sign in, browse the products and check out, with think times, for 10 seconds.")
                .target("http://127.0.0.1:8089")
                .feeder("examples/data/shoppers.csv", FeederStrategy.CIRCULAR) // its columns (shopper, product) become variables
                .journey(journey -> journey
                        .step("login", s -> s.post("/login")
                                .header("Content-Type", "application/json")
                                .body("{\"user\": \"${shopper}\"}")
                                .expectStatus(200)
                                .extract("token", jsonPath("$.token"))
                                .extract("session", cookie("demo_session"))
                                .check("login returns a token", jsonPathExists("$.token")))
                        .think(uniform(millis(10), millis(50)))
                        .step("products", s -> s.get("/products")
                                .extract("first_product", jsonPath("$.items[0].id"))
                                .check("products answer fast", responseTimeBelow(millis(500)))
                                .check("products are json", headerPresent("Content-Type")))
                        .branches(b -> b
                                .branch("look at the fed product", 70, steps -> steps
                                        .step("product", s -> s.get("/products/${product}")
                                                .check("product in stock", jsonPathEquals("$.in_stock", "true"))))
                                .branch("look at the first product twice", 30, steps -> steps
                                        .repeat(2, loop -> loop
                                                .step("product", s -> s.get("/products/${first_product}")))))
                        .think(exponential(millis(20)))
                        .group("checkout", g -> g
                                .step("cart", s -> s.post("/cart").body("{\"product\": ${product}}").check(status(200)))
                                .step("pay", s -> s.post("/checkout")
                                        .header("Authorization", "Bearer ${token}")
                                        .extract("order", jsonPath("$.order"))
                                        .check("order is paid", jsonPathEquals("$.status", "paid"))
                                        .check("says paid", bodyContains("paid"))))
                        .ifThen(variable("order").exists(), then -> then
                                .step("thanks", s -> s.get("/hello"))))
                .load(closed(5).warmup(seconds(1)).duration(seconds(10)))
                .timeout(seconds(5))
                .thresholds("error_rate < 1%", "checks > 99%", "step[login].p99 < 500ms", "group[checkout].p95 < 1s");
    }
}
