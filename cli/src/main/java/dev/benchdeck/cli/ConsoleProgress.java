package dev.benchdeck.cli;

import dev.benchdeck.engine.plan.Plan;
import dev.benchdeck.engine.record.IntervalSnapshot;
import dev.benchdeck.engine.record.RunListener;
import dev.benchdeck.engine.record.SetupProgress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/**
 * Progress on standard error: while a driver sets up, one line per phase that updates in place on a
 * terminal (a new line every {@value #PLAIN_SETUP_GAP_SECONDS} s elsewhere) and a summary line when
 * the phase is done; then one line per second: elapsed/total with a bar, rate, p50/p99, errors, in
 * flight, and the connection pool when the driver has one.
 */
final class ConsoleProgress implements RunListener {

    private static final int BAR = 20;

    private final PrintWriter err;
    private final double totalSeconds;
    private static final double PLAIN_SETUP_GAP_SECONDS = 5;

    private final int steps;
    private final boolean terminal;
    private int pendingWidth;
    private double lastPlainLine = -1;

    ConsoleProgress(PrintWriter err, Plan plan) {
        this(err, plan, false);
    }

    /** @param terminal whether {@code err} is a terminal, where a carriage return rewrites the line */
    ConsoleProgress(PrintWriter err, Plan plan, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
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
    public void setupProgress(SetupProgress p) {
        if (p.finished()) {
            clearPending();
            err.println(SetupLines.finished(p));
            lastPlainLine = -1;
        } else if (terminal) {
            String line = SetupLines.progress(p);
            err.print("\r" + line + " ".repeat(Math.max(0, pendingWidth - line.length())));
            pendingWidth = line.length();
        } else if (lastPlainLine < 0 || p.elapsedSeconds() - lastPlainLine >= PLAIN_SETUP_GAP_SECONDS) {
            err.println(SetupLines.progress(p));
            lastPlainLine = p.elapsedSeconds();
        }
        err.flush();
    }

    private void clearPending() {
        if (pendingWidth > 0) {
            err.print("\r" + " ".repeat(pendingWidth) + "\r");
            pendingWidth = 0;
        }
    }

    @Override
    public void interval(IntervalSnapshot s) {
        clearPending();
        err.println(line(s));
        err.flush();
    }

    String line(IntervalSnapshot s) {
        String progress = totalSeconds > 0 ? progress(s.elapsedSeconds(), totalSeconds) : clock(s.elapsedSeconds());
        String phase = s.phase() == IntervalSnapshot.Phase.MEASURE ? "" : " (" + s.phase().name().toLowerCase(Locale.ROOT) + ")";
        return String.format(Locale.ROOT, "%s step %d/%d %s%s | %,.0f req/s | p50 %s p99 %s | errors %d%s | in flight %d%s",
                progress, s.step() + 1, steps, s.stepLabel(), phase, s.throughput(), SummaryPrinter.ms(s.p50()),
                SummaryPrinter.ms(s.p99()), s.errors(), s.dropped() > 0 ? " dropped " + s.dropped() : "", s.inFlight(),
                pool(s.gauges()));
    }

    /** {@code  | pool 8/8 active, 0 waiting} when the driver reports a pool. */
    static String pool(Map<String, Double> gauges) {
        Double active = gauges.get("pool.active");
        Double total = gauges.get("pool.total");
        if (active == null || total == null) {
            return "";
        }
        return String.format(Locale.ROOT, " | pool %.0f/%.0f active, %.0f waiting", active, total,
                gauges.getOrDefault("pool.waiting", 0.0));
    }

    /**
     * {@code 00:07/00:12 [###…]}. The total is the plan's estimate, and a run takes a little longer (the
     * last requests finish, sessions close): past it, the total shown grows with the elapsed time.
     */
    static String progress(double elapsedSeconds, double totalSeconds) {
        long elapsed = Math.round(elapsedSeconds);
        long total = Math.max(Math.round(totalSeconds), elapsed);
        return clock(elapsed) + "/" + clock(total) + " " + bar(total == 0 ? 1 : (double) elapsed / total);
    }

    private static String bar(double fraction) {
        int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * BAR);
        return "[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "]";
    }

    private static String clock(double seconds) {
        return clock(Math.round(seconds));
    }

    private static String clock(long s) {
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%02d:%02d", s / 60, s % 60);
    }
}
