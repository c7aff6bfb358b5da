package dev.benchdeck.engine.result;

import dev.benchdeck.engine.cpu.CpuSample;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How busy the machine's CPUs were during a step's measured time (or a run's, on {@code overall}),
 * in cores: {@code processCores} used by this process (the CLI, or the server running the engine),
 * {@code otherCores} by everything else (machine busy cores − process cores, at least 0).
 * {@code warning} says so when other processes used more than {@value #WARNING_CORES} of a core, since
 * they competed with the load generator (and maybe the system under test) for the CPU.
 */
public record CpuFigures(int cores, double processCores, double otherCores, @Nullable String warning) {

    /** Other processes' use above which the figures may be distorted, in cores. */
    public static final double WARNING_CORES = 0.10;

    /** Figures between two samples, or {@code null} when either is missing or no time passed between them. */
    public static CpuFigures between(CpuSample from, CpuSample to, String during) {
        if (from == null || to == null) {
            return null;
        }
        long total = to.machineTotalTicks() - from.machineTotalTicks();
        long wall = to.wallNanos() - from.wallNanos();
        if (total <= 0 || wall <= 0) {
            return null;
        }
        double machine = to.cores() * (double) (to.machineBusyTicks() - from.machineBusyTicks()) / total;
        double process = Math.max(0, (double) (to.processCpuNanos() - from.processCpuNanos()) / wall);
        return of(to.cores(), process, machine - process, during);
    }

    /** Figures with the warning worked out; {@code other} below 0 (sampling noise) counts as 0. */
    public static CpuFigures of(int cores, double process, double other, String during) {
        double others = Math.max(0, other);
        return new CpuFigures(cores, round(process), round(others), others > WARNING_CORES ? warning(others, during) : null);
    }

    /** Several steps' figures as one, each weighted by its measured seconds; {@code null} when none has figures. */
    static CpuFigures merge(List<StepResult> steps, String during) {
        double seconds = 0;
        double process = 0;
        double other = 0;
        int cores = 0;
        for (StepResult step : steps) {
            if (step.cpu() != null && step.measuredSeconds() > 0) {
                seconds += step.measuredSeconds();
                process += step.cpu().processCores() * step.measuredSeconds();
                other += step.cpu().otherCores() * step.measuredSeconds();
                cores = Math.max(cores, step.cpu().cores());
            }
        }
        return seconds == 0 ? null : of(cores, process / seconds, other / seconds, during);
    }

    private static String warning(double others, String during) {
        return String.format(Locale.ROOT, "other processes used %.2f of a core during %s; the figures may be distorted",
                others, during);
    }

    private static double round(double cores) {
        return Math.round(cores * 1000) / 1000.0;
    }
}
