package dev.benchdeck.engine.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.engine.result.CpuFigures;
import java.util.LinkedList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/** The CPU figures' arithmetic, pinned with made-up {@code /proc/stat} readings. */
class ProcStatCpuSourceTest {

    private static final long SECOND = 1_000_000_000L;

    /** A {@code /proc/stat} with the machine line and two CPUs: user nice system idle iowait irq softirq steal guest guest_nice. */
    private static String stat(long user, long nice, long system, long idle, long iowait, long irq, long softirq, long steal,
                               long guest) {
        return String.format("cpu  %d %d %d %d %d %d %d %d %d 0%ncpu0 1 2 3 4 5 6 7 8 0 0%ncpu1 1 2 3 4 5 6 7 8 0 0%n"
                + "intr 12345 0 0%nctxt 999%nbtime 1700000000%nprocesses 42%n", user, nice, system, idle, iowait, irq, softirq,
                steal, guest);
    }

    /** A source answering the given readings in turn: /proc/stat text, this process's CPU ns, wall ns. */
    private static CpuSource readings(List<String> stats, List<Long> processNanos, List<Long> wallNanos) {
        Queue<String> s = new LinkedList<>(stats); // may hold nulls: an unreadable /proc/stat
        Queue<Long> p = new LinkedList<>(processNanos);
        Queue<Long> w = new LinkedList<>(wallNanos);
        return new ProcStatCpuSource(s::poll, p::poll, w::poll);
    }

    @Test
    void otherProcessesAreTheMachinesBusyCoresLessThisProcesssOwn() {
        // one second on 2 CPUs = 200 ticks: 160 busy (user 100, system 40, irq 5, softirq 5, steal 10), 40 idle + iowait
        CpuSource source = readings(List.of(stat(1000, 0, 500, 8000, 100, 10, 10, 0, 0),
                        stat(1100, 0, 540, 8030, 110, 15, 15, 10, 0)),
                List.of(5 * SECOND, 5 * SECOND + 900_000_000L), List.of(100 * SECOND, 101 * SECOND));
        CpuSample before = source.sample();
        CpuSample after = source.sample();
        assertThat(before.cores()).isEqualTo(2);
        assertThat(after.machineBusyTicks() - before.machineBusyTicks()).isEqualTo(160);
        assertThat(after.machineTotalTicks() - before.machineTotalTicks()).isEqualTo(200);

        CpuFigures cpu = CpuFigures.between(before, after, "this step");
        assertThat(cpu.cores()).isEqualTo(2);
        assertThat(cpu.processCores()).isEqualTo(0.9); // 0.9 s of CPU in 1 s
        assertThat(cpu.otherCores()).isEqualTo(0.7); // 1.6 busy cores − 0.9
        assertThat(cpu.warning()).isEqualTo("other processes used 0.70 of a core during this step; the figures may be distorted");
    }

    @Test
    void guestTimeIsNotCountedTwice() {
        // guest time is already inside user: 50 guest ticks add nothing
        CpuSource source = readings(List.of(stat(0, 0, 0, 0, 0, 0, 0, 0, 0), stat(100, 0, 0, 100, 0, 0, 0, 0, 50)),
                List.of(0L, SECOND / 2), List.of(0L, SECOND));
        CpuFigures cpu = CpuFigures.between(source.sample(), source.sample(), "this step");
        assertThat(cpu.processCores()).isEqualTo(0.5);
        assertThat(cpu.otherCores()).isEqualTo(0.5); // 2 × 100 / 200 = 1 busy core
    }

    @Test
    void theWarningStartsAboveATenthOfACore() {
        assertThat(CpuFigures.of(2, 0.9, 0.10, "this step").warning()).isNull();
        assertThat(CpuFigures.of(2, 0.9, 0.11, "this step").warning())
                .isEqualTo("other processes used 0.11 of a core during this step; the figures may be distorted");
        // the process's own CPU time is read more coarsely than the machine's: a small negative remainder is 0
        CpuFigures noise = CpuFigures.of(2, 1.0, -0.02, "this step");
        assertThat(noise.otherCores()).isZero();
        assertThat(noise.warning()).isNull();
    }

    @Test
    void noReadingMeansNoFigures() {
        CpuSource unreadable = readings(java.util.Arrays.asList(null, null), List.of(0L, 1L), List.of(0L, SECOND));
        assertThat(unreadable.sample()).isNull();
        assertThat(CpuFigures.between(null, null, "this step")).isNull();
        assertThat(CpuSource.NONE.sample()).isNull();
        CpuSource garbled = readings(List.of("cpu  1 2 x\ncpu0 1\n"), List.of(0L), List.of(0L));
        assertThat(garbled.sample()).isNull();
        // no time between two readings: nothing to divide by
        CpuSource still = readings(List.of(stat(1, 0, 0, 1, 0, 0, 0, 0, 0), stat(1, 0, 0, 1, 0, 0, 0, 0, 0)),
                List.of(0L, 0L), List.of(0L, 0L));
        assertThat(CpuFigures.between(still.sample(), still.sample(), "this step")).isNull();
    }

    @Test
    void onLinuxTheSystemSourceReadsRealFigures() {
        CpuSource system = CpuSource.system();
        if (!java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/stat"))) {
            assertThat(system.sample()).isNull();
            return;
        }
        CpuSample sample = system.sample();
        assertThat(sample.cores()).isPositive();
        assertThat(sample.machineTotalTicks()).isGreaterThanOrEqualTo(sample.machineBusyTicks()).isPositive();
        assertThat(sample.processCpuNanos()).isPositive();
    }
}
