package dev.benchdeck.cli;

import dev.benchdeck.engine.plan.Plan;
import dev.benchdeck.engine.record.IntervalSnapshot;
import dev.benchdeck.engine.record.RunListener;
import java.io.PrintWriter;
import java.util.Locale;

/** One progress line per second on standard error: elapsed/total with a bar, rate, p50/p99, errors, in flight. */
final class ConsoleProgress implements RunListener {

    private static final int BAR = 20;

    private final PrintWriter err;
    private final double totalSeconds;
    private final int steps;

    ConsoleProgress(PrintWriter err, Plan plan) {
        this.err = err;
        this.totalSeconds = plan.estimatedDuration().map(d -> d.toMillis() / 1000.0).orElse(0.0);
        this.steps = plan.load().steps().size();
    }

    @Override
    public void runStarted(Plan plan) {
        err.println("running " + plan.name() + " (" + steps + (steps == 1 ? " step" : " steps")
                + (totalSeconds > 0 ? ", about " + clock(totalSeconds) : "") + "); Ctrl-C stops and keeps results");
        err.flush();
    }

    @Override
    public void interval(IntervalSnapshot s) {
        err.println(line(s));
        err.flush();
    }

    String line(IntervalSnapshot s) {
        String progress = totalSeconds > 0
                ? clock(s.elapsedSeconds()) + "/" + clock(totalSeconds) + " " + bar(s.elapsedSeconds() / totalSeconds)
                : clock(s.elapsedSeconds());
        String phase = s.phase() == IntervalSnapshot.Phase.MEASURE ? "" : " (" + s.phase().name().toLowerCase(Locale.ROOT) + ")";
        return String.format(Locale.ROOT, "%s step %d/%d %s%s | %,.0f req/s | p50 %s p99 %s | errors %d%s | in flight %d",
                progress, s.step() + 1, steps, s.stepLabel(), phase, s.throughput(), SummaryPrinter.ms(s.p50()),
                SummaryPrinter.ms(s.p99()), s.errors(), s.dropped() > 0 ? " dropped " + s.dropped() : "", s.inFlight());
    }

    private static String bar(double fraction) {
        int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * BAR);
        return "[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "]";
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%02d:%02d", s / 60, s % 60);
    }
}
