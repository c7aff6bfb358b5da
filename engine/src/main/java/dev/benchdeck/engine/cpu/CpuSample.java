package dev.benchdeck.engine.cpu;

/**
 * One reading of the CPU counters. Machine ticks are {@code /proc/stat}'s (all CPUs added up),
 * process CPU time and wall time are nanoseconds; only differences between two samples mean anything.
 *
 * @param machineBusyTicks  ticks the machine's CPUs spent busy (user, nice, system, irq, softirq, steal)
 * @param machineTotalTicks busy ticks plus idle and iowait
 * @param cores             the machine's CPUs
 * @param processCpuNanos   CPU time this process has used (user and system, all threads)
 * @param wallNanos         a monotonic clock reading taken with the others
 */
public record CpuSample(long machineBusyTicks, long machineTotalTicks, int cores, long processCpuNanos, long wallNanos) {
}
