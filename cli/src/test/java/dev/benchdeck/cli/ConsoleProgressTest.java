package dev.benchdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.engine.driver.Drivers;
import dev.benchdeck.engine.plan.Plan;
import dev.benchdeck.engine.plan.PlanReader;
import dev.benchdeck.engine.record.IntervalSnapshot;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    static Plan plan(String duration) {
        return new PlanReader(Drivers.discover()).read("name: progress\ntarget: {url: 'http://127.0.0.1:1'}\n"
                + "workload: {path: /}\nload: {users: 1, duration: " + duration + "}\n", List.of());
    }

    private static IntervalSnapshot at(double elapsedSeconds) {
        return new IntervalSnapshot(elapsedSeconds, 0, "users=1", IntervalSnapshot.Phase.MEASURE, elapsedSeconds, 1.0,
                100, 100, 0, 0, 100.0, 1.0, 1.5, 2.0, 3.0, 1, 1, Map.of(), null, null, null, null, null, null);
    }

    @Test
    void theProgressNeverPassesItsTotal() {
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(Writer.nullWriter()), plan("18s"));
        assertThat(progress.line(at(7))).startsWith("00:07/00:18 [########............] step 1/1 users=1 | 100 req/s");
        assertThat(progress.line(at(18))).startsWith("00:18/00:18 [####################]");
        // the last requests finish and the sessions close after the plan's estimate: the total grows with the time
        assertThat(progress.line(at(19.4))).startsWith("00:19/00:19 [####################]");
        assertThat(ConsoleProgress.progress(18.6, 18.4)).startsWith("00:19/00:19 ");
        assertThat(ConsoleProgress.progress(3661, 3600)).startsWith("1:01:01/1:01:01 ");
    }
}
