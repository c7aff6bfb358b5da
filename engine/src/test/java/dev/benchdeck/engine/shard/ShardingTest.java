package dev.benchdeck.engine.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.engine.plan.ClosedStep;
import dev.benchdeck.engine.plan.InvalidPlanException;
import dev.benchdeck.engine.plan.LoadSpec;
import dev.benchdeck.engine.plan.OpenStep;
import dev.benchdeck.engine.plan.Plan;
import dev.benchdeck.engine.testkit.Plans;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShardingTest {

    @Test
    void sharesOfAWholeNumberAddUpAndDifferByAtMostOne() {
        for (int count = 1; count <= 17; count++) {
            for (long total = 0; total <= 300; total++) {
                long sum = 0, min = Long.MAX_VALUE, max = 0;
                for (int index = 0; index < count; index++) {
                    long share = new Shard(index, count).share(total);
                    sum += share;
                    min = Math.min(min, share);
                    max = Math.max(max, share);
                    // the remainder goes to the first shards, so a lower index never has less
                    if (index > 0) {
                        assertThat(share).isLessThanOrEqualTo(new Shard(index - 1, count).share(total));
                    }
                }
                assertThat(sum).as("%d over %d", total, count).isEqualTo(total);
                assertThat(max - min).as("%d over %d", total, count).isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void ratesDivideEvenly() {
        for (int count = 1; count <= 9; count++) {
            double sum = 0;
            for (int index = 0; index < count; index++) {
                sum += new Shard(index, count).share(1234.5);
            }
            assertThat(sum).isCloseTo(1234.5, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void sequenceNumbersAndDataRowsAreDisjointAndCoverEverything() {
        for (int count = 1; count <= 12; count++) {
            Set<Long> seen = new HashSet<>();
            for (int index = 0; index < count; index++) {
                Shard shard = new Shard(index, count);
                for (long local = 0; local < 100; local++) {
                    long sequence = shard.sequence(local);
                    assertThat(seen.add(sequence)).as("sequence %d twice", sequence).isTrue();
                    assertThat(shard.owns(sequence)).isTrue();
                }
            }
            // 100 requests per shard: exactly 0 … 100·count − 1
            for (long s = 0; s < 100L * count; s++) {
                assertThat(seen).contains(s);
            }
            for (long row = 0; row < 50; row++) {
                int owners = 0;
                for (int index = 0; index < count; index++) {
                    owners += new Shard(index, count).owns(row) ? 1 : 0;
                }
                assertThat(owners).as("row %d", row).isEqualTo(1);
            }
        }
    }

    @Test
    void aShardThatDoesNotExistIsRefused() {
        assertThatThrownBy(() -> new Shard(3, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Shard(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Shard(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClosedSweepSplitsUsersAndRequestsWithTheRemainderSpread() {
        Plan plan = Plans.withLoad("""
                  model: closed
                  steps:
                    - {users: 10, duration: 5s}
                    - {users: 7, requests: 100}
                    - {users: 3, requests: 5}""".indent(2), "agents: 3");
        assertThat(plan.agents().count()).isEqualTo(3);
        assertThat(plan.agents().onLoss()).isEqualTo(AgentsSpec.OnAgentLoss.CONTINUE);
        List<List<Integer>> users = new ArrayList<>();
        List<List<Long>> requests = new ArrayList<>();
        for (int index = 0; index < 3; index++) {
            Plan shard = shardOf(plan, new Shard(index, 3));
            assertThat(shard.shard()).isEqualTo(new Shard(index, 3));
            assertThat(shard.agents()).isNull();
            List<ClosedStep> steps = ((LoadSpec.Closed) shard.load()).steps();
            users.add(steps.stream().map(ClosedStep::users).toList());
            requests.add(steps.stream().map(ClosedStep::requests).toList());
            assertThat(steps.get(0).duration()).isEqualTo(java.time.Duration.ofSeconds(5));
        }
        assertThat(users).containsExactly(List.of(4, 3, 1), List.of(3, 2, 1), List.of(3, 2, 1));
        assertThat(requests).containsExactly(java.util.Arrays.asList(null, 34L, 2L), java.util.Arrays.asList(null, 33L, 2L),
                java.util.Arrays.asList(null, 33L, 1L));
    }

    @Test
    void anOpenModelSplitsRatesAndTheInFlightCapAndGivesEachShardItsOwnSeed() {
        Plan plan = Plans.withLoad("""
                  model: open
                  arrival: poisson
                  max_in_flight: 100
                  requests: 1000
                  steps:
                    - {rate: 300, duration: 2s}
                    - {rate: 1000}""".indent(2), "agents: {count: 4, labels: {region: eu}}\non_agent_loss: fail\nseed: 7");
        assertThat(plan.agents().labels()).containsEntry("region", "eu");
        assertThat(plan.agents().onLoss()).isEqualTo(AgentsSpec.OnAgentLoss.FAIL);
        Set<Long> seeds = new HashSet<>();
        long totalRequests = 0;
        for (int index = 0; index < 4; index++) {
            Plan shard = shardOf(plan, new Shard(index, 4));
            LoadSpec.Open open = (LoadSpec.Open) shard.load();
            assertThat(open.maxInFlight()).isEqualTo(25);
            assertThat(open.steps()).extracting(OpenStep::rate).containsExactly(75.0, 250.0);
            totalRequests += open.steps().get(1).requests();
            seeds.add(shard.seed());
        }
        assertThat(totalRequests).isEqualTo(1000);
        assertThat(seeds).hasSize(4);
        // and independent: no shard's random draws are another's shifted by a few (as seed + i × gamma would make them)
        Set<Long> draws = new HashSet<>();
        for (long seed : seeds) {
            java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
            for (int i = 0; i < 10_000; i++) {
                assertThat(draws.add(random.nextLong())).as("a draw shared by two shards").isTrue();
            }
        }
    }

    @Test
    void aStepTooSmallToShareIsAProblemAtItsPath() {
        assertThatThrownBy(() -> Plans.withLoad("""
                  model: closed
                  steps:
                    - {users: 10, duration: 5s}
                    - {users: 2, requests: 1}""".indent(2), "agents: 3"))
                .isInstanceOf(InvalidPlanException.class)
                .hasMessageContaining("load.steps[1].users: is 2, fewer than the 3 agents sharing it")
                .hasMessageContaining("load.steps[1].requests: is 1, fewer than the 3 agents");
    }

    @Test
    void badAgentsSettingsAreProblemsAtTheirPaths() {
        assertThatThrownBy(() -> Plans.withLoad("  users: 5", "agents: 0")).hasMessageContaining("agents: must be ≥ 1");
        assertThatThrownBy(() -> Plans.withLoad("  users: 500", "agents: 300")).hasMessageContaining("agents: must be ≤ 256");
        assertThatThrownBy(() -> Plans.withLoad("  users: 5", "agents: {labels: {a: b}}")).hasMessageContaining("agents.count: is required");
        assertThatThrownBy(() -> Plans.withLoad("  users: 5", "on_agent_loss: fail")).hasMessageContaining("on_agent_loss: applies only");
        assertThatThrownBy(() -> Plans.withLoad("  users: 5", "agents: 2\non_agent_loss: maybe"))
                .hasMessageContaining("on_agent_loss: must be one of continue, fail");
        assertThatThrownBy(() -> Plans.withLoad("  users: 5", "shard: {index: 2, count: 2}")).hasMessageContaining("shard: must name one of");
    }

    private static Plan shardOf(Plan plan, Shard shard) {
        JsonNode sharded = PlanSharder.shard(plan.source(), shard);
        return Plans.reader().read(sharded);
    }
}
