package dev.benchdeck.engine.cpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Reads the machine's busy time from the text of {@code /proc/stat} and the process's CPU time from
 * a supplier. Busy is user + nice + system + irq + softirq + steal (guest time is already inside
 * user and nice); total adds idle and iowait. A reading that cannot be had gives {@code null}.
 */
public final class ProcStatCpuSource implements CpuSource {

    private final Supplier<String> procStat;
    private final LongSupplier processCpuNanos;
    private final LongSupplier wallNanos;

    /**
     * @param procStat        the text of {@code /proc/stat}, or {@code null} when it cannot be read
     * @param processCpuNanos this process's CPU time, negative when unknown
     * @param wallNanos       a monotonic clock
     */
    public ProcStatCpuSource(Supplier<String> procStat, LongSupplier processCpuNanos, LongSupplier wallNanos) {
        this.procStat = procStat;
        this.processCpuNanos = processCpuNanos;
        this.wallNanos = wallNanos;
    }

    @Override
    public CpuSample sample() {
        long process = processCpuNanos.getAsLong();
        long wall = wallNanos.getAsLong();
        String text = procStat.get();
        if (text == null || process < 0) {
            return null;
        }
        long busy = -1;
        long total = -1;
        int cores = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("cpu ")) {
                long[] f = fields(line);
                if (f.length < 8) {
                    return null;
                }
                busy = f[0] + f[1] + f[2] + f[5] + f[6] + f[7];
                total = busy + f[3] + f[4];
            } else if (line.startsWith("cpu") && line.length() > 3 && Character.isDigit(line.charAt(3))) {
                cores++;
            }
        }
        return busy < 0 || cores == 0 ? null : new CpuSample(busy, total, cores, process, wall);
    }

    private static long[] fields(String line) {
        String[] parts = line.trim().split("\\s+");
        long[] values = new long[parts.length - 1];
        try {
            for (int i = 1; i < parts.length; i++) {
                values[i - 1] = Long.parseLong(parts[i]);
            }
        } catch (NumberFormatException e) {
            return new long[0];
        }
        return values;
    }

    /** The file's text, or {@code null} when it cannot be read. */
    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
