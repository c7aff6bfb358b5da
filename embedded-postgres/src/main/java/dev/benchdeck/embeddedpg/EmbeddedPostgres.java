package dev.benchdeck.embeddedpg;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * A PostgreSQL server run from the binaries zonky publishes on Maven Central, with its data
 * directory kept between starts ({@code initdb} runs once). The superuser's password is random,
 * made at {@code initdb} and kept in a 0600 file beside the data ({@code pgdata.password}); the port
 * in {@code pgdata.port}. With {@link #supervise} a server process that dies is started again.
 *
 * <p>PostgreSQL refuses to run as root. When Benchdeck runs as root (CI, containers) the server runs
 * as {@code nobody} through {@code setpriv}; if {@code nobody} cannot reach the data directory
 * (e.g. under {@code /root}, mode 0700) it is given only the capability to traverse directories.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    static final String VERSION = "17.6.0";
    private static final String USER = "postgres";
    private static final String RUN_AS = "nobody";

    private final Path home;
    private Path binaries;
    private final Path data;
    private final Path passwordFile;
    private volatile int port;
    private final boolean deleteOnStop;
    private final boolean root;
    private List<String> runAs = List.of();
    private volatile Supervisor supervisor;

    private EmbeddedPostgres(Path home, boolean deleteOnStop) {
        this.home = home.toAbsolutePath();
        this.binaries = this.home.resolve("postgres-" + VERSION);
        this.data = this.home.resolve("pgdata");
        this.passwordFile = this.home.resolve("pgdata.password");
        this.deleteOnStop = deleteOnStop;
        this.root = "root".equals(System.getProperty("user.name"));
    }

    /**
     * Starts the server (extracting binaries and running initdb the first time) on {@code port}, or
     * on a free port when that one is taken (0: any free port); the port is remembered in
     * {@code <home>/pgdata.port} and reused by the next start with the same {@code port} setting.
     *
     * @throws StartFailure with one line saying what went wrong
     */
    public static EmbeddedPostgres start(Path home, int port, boolean deleteOnStop) {
        EmbeddedPostgres pg = new EmbeddedPostgres(home, deleteOnStop);
        try {
            pg.startServer(port);
        } catch (IOException e) {
            throw new StartFailure("cannot start the embedded PostgreSQL in " + pg.data + ": " + describe(e), e);
        } catch (UncheckedIOException e) {
            throw new StartFailure("cannot start the embedded PostgreSQL in " + pg.data + ": " + describe(e.getCause()), e);
        }
        return pg;
    }

    /** What went wrong with a file, in words (the JDK's messages for these are only the path). */
    private static String describe(IOException e) {
        return switch (e) {
            case java.nio.file.FileAlreadyExistsException exists -> exists.getFile() + " exists and is not a directory";
            case java.nio.file.AccessDeniedException denied -> "no permission to write " + denied.getFile();
            case java.nio.file.NoSuchFileException missing -> missing.getFile() + " does not exist";
            default -> String.valueOf(e.getMessage());
        };
    }

    /** The embedded PostgreSQL could not start; the message says why in one line. */
    public static final class StartFailure extends RuntimeException {
        StartFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Restarts the server whenever its process is gone, checking every {@code interval}; returns this. */
    public synchronized EmbeddedPostgres supervise(Duration interval) {
        if (supervisor == null) {
            supervisor = new Supervisor(this, interval);
            supervisor.start();
        }
        return this;
    }

    /**
     * What the server is doing now, for health reports: whether its process runs, its pid and port,
     * and how often the supervisor restarted it.
     */
    public Status status() {
        Supervisor s = supervisor;
        OptionalLong pid = pid();
        boolean running = isRunning();
        return new Status(running, running && pid.isPresent() ? pid.getAsLong() : null, port, data, s != null,
                s == null ? 0 : s.restarts(), s == null ? null : s.lastRestart(), s == null ? null : s.lastProblem());
    }

    /**
     * @param pid the postmaster's process id while it runs
     * @param supervised whether a process that dies is restarted
     * @param lastRestartProblem why the last restart attempt failed, null once one succeeded
     */
    public record Status(boolean running, Long pid, int port, Path dataDirectory, boolean supervised, int restarts,
                         Instant lastRestart, String lastRestartProblem) {
    }

    /** The postmaster's process id from {@code postmaster.pid}, when the file is there. */
    public OptionalLong pid() {
        try {
            String first = Files.readAllLines(data.resolve("postmaster.pid")).stream().findFirst().orElse("").strip();
            return first.matches("\\d+") ? OptionalLong.of(Long.parseLong(first)) : OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** Whether the postmaster's process is alive. */
    public boolean isRunning() {
        OptionalLong pid = pid();
        return pid.isPresent() && ProcessHandle.of(pid.getAsLong()).map(ProcessHandle::isAlive).orElse(false);
    }

    Path dataDirectory() {
        return data;
    }

    /** Starts the server again with its data and port, when it is not running. */
    synchronized void restart() {
        if (isRunning()) {
            return;
        }
        try {
            launch();
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String user() {
        return USER;
    }

    public String password() {
        try {
            return Files.readString(passwordFile).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    private void startServer(int configuredPort) throws IOException {
        Files.createDirectories(home);
        if (root) {
            runAs = runAsNobody();
        }
        extractBinaries();
        if (!Files.exists(data.resolve("PG_VERSION"))) {
            initdb();
        }
        if (pgCtl(List.of("status"), false) == 0) {
            // a server left running by a process that was killed: stop it so we start with our settings
            log.warn("An embedded PostgreSQL was still running on {}; restarting it", data);
            pgCtl(List.of("stop", "-m", "fast", "-w"), false);
        }
        RememberedPort.Choice choice = RememberedPort.choose(home, configuredPort);
        if (choice.taken() != null) {
            log.warn("Port {} is taken; the embedded PostgreSQL uses port {} instead (remembered in {})",
                    choice.taken(), choice.port(), choice.file());
        }
        port = choice.port();
        launch();
    }

    private void launch() throws IOException {
        Path logFile = data.resolve("postgres.log");
        String options = "-p " + port + " -h 127.0.0.1 -c unix_socket_directories=''";
        int exit = pgCtl(List.of("start", "-w", "-t", "60", "-l", logFile.toString(), "-o", options), true);
        if (exit != 0) {
            throw new IOException("pg_ctl start exited with " + exit + lastFatal(logFile) + " (see " + logFile + ")");
        }
        log.info("Embedded PostgreSQL {} listening on 127.0.0.1:{} (data in {})", VERSION, port, data);
    }

    /** The last FATAL line of the server's log, as {@code ": <message>"}, or nothing. */
    private static String lastFatal(Path logFile) {
        try (Stream<String> lines = Files.lines(logFile)) {
            return lines.filter(line -> line.contains("FATAL:")).reduce((a, b) -> b)
                    .map(line -> ": " + line.substring(line.indexOf("FATAL:") + 6).strip()).orElse("");
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    private void extractBinaries() throws IOException {
        if (Files.exists(binaries.resolve("bin/postgres"))) {
            return;
        }
        Files.createDirectories(binaries.getParent());
        Path partial = Files.createTempDirectory(binaries.getParent(), "benchdeck-postgres-extract");
        try (InputStream txz = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("linux", "x86_64");
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(txz)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = partial.resolve(entry.getName()).normalize();
                if (!target.startsWith(partial)) {
                    throw new IOException("unexpected path in the PostgreSQL archive: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target);
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(
                            (entry.getMode() & 0100) != 0 ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
        try (Stream<Path> dirs = Files.walk(partial)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        try {
            Files.move(partial, binaries);
        } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            deleteTree(partial); // another process extracted them meanwhile
        }
    }

    private void initdb() throws IOException {
        log.info("Creating the embedded PostgreSQL database in {} (first start)", data);
        deleteTree(data);
        Files.createDirectories(data);
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        Path pwfile = home.resolve("initdb.pw");
        Files.writeString(pwfile, password + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(pwfile, PosixFilePermissions.fromString("rw-------"));
        giveToPostgresUser(data);
        giveToPostgresUser(pwfile);
        int exit;
        try {
            exit = exec(List.of(binaries.resolve("bin/initdb").toString(), "-A", "scram-sha-256", "-U", USER,
                    "--pwfile=" + pwfile, "-E", "UTF-8", "--no-locale", "-D", data.toString()), true);
        } finally {
            Files.deleteIfExists(pwfile);
        }
        if (exit != 0) {
            throw new IOException("initdb exited with " + exit);
        }
        Files.writeString(passwordFile, password, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
    }

    private int pgCtl(List<String> args, boolean logOutput) throws IOException {
        List<String> command = new ArrayList<>(List.of(binaries.resolve("bin/pg_ctl").toString(), "-D", data.toString()));
        command.addAll(args);
        return exec(command, logOutput);
    }

    private int exec(List<String> command, boolean logOutput) throws IOException {
        List<String> full = new ArrayList<>(runAs);
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.getFirst() + " did not finish in 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (logOutput && process.exitValue() != 0) {
            log.warn("{} exited with {}: {}", Path.of(command.getFirst()).getFileName(), process.exitValue(), output.strip());
        }
        return process.exitValue();
    }

    /**
     * The setpriv prefix that runs PostgreSQL as nobody. When nobody cannot reach the data directory,
     * it gets the capability to traverse directories, and the binaries go to a root-owned directory in
     * /var/tmp (initdb checks its own binary with access(2), which ignores capabilities).
     */
    private List<String> runAsNobody() throws IOException {
        List<String> prefix = List.of("setpriv", "--reuid=" + RUN_AS, "--regid=nogroup", "--clear-groups");
        int reach = new ProcessBuilder(concat(prefix, List.of("test", "-x", home.toString())))
                .redirectErrorStream(true).start().onExit().join().exitValue();
        if (reach == 0) {
            return prefix;
        }
        log.info("Running PostgreSQL as '{}' with the capability to traverse {} (running as root)", RUN_AS, home);
        Path shared = Path.of(Files.isDirectory(Path.of("/var/tmp")) ? "/var/tmp" : System.getProperty("java.io.tmpdir"))
                .resolve("benchdeck-postgres-" + VERSION);
        if (Files.exists(shared, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !trustworthy(shared)) {
            deleteTree(shared);
        }
        binaries = shared;
        return concat(prefix, List.of("--inh-caps=+dac_read_search", "--ambient-caps=+dac_read_search"));
    }

    /** A directory of binaries root may run: a real directory owned by root that nobody else can write. */
    private static boolean trustworthy(Path dir) throws IOException {
        var attributes = Files.readAttributes(dir, java.nio.file.attribute.PosixFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        var permissions = attributes.permissions();
        return attributes.isDirectory() && "root".equals(attributes.owner().getName())
                && !permissions.contains(java.nio.file.attribute.PosixFilePermission.GROUP_WRITE)
                && !permissions.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE);
    }

    private void giveToPostgresUser(Path path) throws IOException {
        if (root) {
            UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(path, users.lookupPrincipalByName(RUN_AS));
            Files.getFileAttributeView(path, java.nio.file.attribute.PosixFileAttributeView.class)
                    .setGroup(users.lookupPrincipalByGroupName("nogroup"));
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Override
    public void close() {
        Supervisor s = supervisor;
        if (s != null) {
            s.close();
        }
        try {
            pgCtl(List.of("stop", "-m", "fast", "-w", "-t", "30"), true);
            if (deleteOnStop) {
                deleteTree(home);
            }
        } catch (IOException e) {
            log.warn("Could not stop the embedded PostgreSQL cleanly: {}", e.getMessage());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
