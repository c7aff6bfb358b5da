package dev.benchdeck.engine.result;

/** Where a run was measured, so results from different machines are not compared blindly. */
public record EnvironmentInfo(String benchdeckVersion, String java, int cpus, String os) {

    public static EnvironmentInfo current() {
        String version = EnvironmentInfo.class.getPackage().getImplementationVersion();
        return new EnvironmentInfo(version == null ? "dev" : version,
                System.getProperty("java.vendor") + " " + Runtime.version(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    }
}
