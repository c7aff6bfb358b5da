package dev.benchdeck.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Runs the CLI as a real process (its main class in a child JVM with the test classpath) and keeps what it printed. */
record CliProcess(int exitCode, String out, String err) {

    static CliProcess of(Path workDir, String... args) throws IOException, InterruptedException {
        return withClasspath(workDir, entry -> true, args);
    }

    /** As {@link #of}, with only the classpath entries {@code keep} accepts. */
    static CliProcess withClasspath(Path workDir, Predicate<String> keep, String... args) throws IOException, InterruptedException {
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).filter(keep)
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, BenchdeckCommand.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the CLI did not end within 60 s: " + command);
        }
        return new CliProcess(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
