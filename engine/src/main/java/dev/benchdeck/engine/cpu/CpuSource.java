package dev.benchdeck.engine.cpu;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where CPU readings come from; injectable so that tests can feed made-up readings. */
@FunctionalInterface
public interface CpuSource {

    /** A source for platforms where the machine's CPU use cannot be read: every sample is {@code null}. */
    CpuSource NONE = () -> null;

    /** The current reading, or {@code null} when the platform cannot tell. */
    CpuSample sample();

    /** {@code /proc/stat} and this JVM's CPU time on Linux, {@link #NONE} elsewhere. */
    static CpuSource system() {
        Path stat = Path.of("/proc/stat");
        if (!Files.isReadable(stat) || ProcessHandle.current().info().totalCpuDuration().isEmpty()) {
            return NONE;
        }
        return new ProcStatCpuSource(() -> ProcStatCpuSource.read(stat),
                () -> ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(-1L),
                System::nanoTime);
    }
}
