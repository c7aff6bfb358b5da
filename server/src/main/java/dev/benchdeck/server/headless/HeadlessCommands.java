package dev.benchdeck.server.headless;

import dev.benchdeck.server.security.Passwords;
import dev.benchdeck.server.security.Role;
import dev.benchdeck.server.security.TokenScope;
import dev.benchdeck.server.system.FieldProblem;
import dev.benchdeck.server.token.TokenService;
import dev.benchdeck.server.user.User;
import dev.benchdeck.server.user.UserRepository;
import dev.benchdeck.server.user.UserService;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;

/**
 * {@code benchdeck users add NAME --role admin|editor|viewer} (the password is one line on standard input)
 * and {@code benchdeck tokens create --user NAME --scopes read,run [--expires 30d] [--name ci]} (prints
 * only the token). Settings as for {@code serve}: {@code --benchdeck.data-dir=…}, {@code --benchdeck.embedded-db.port=…},
 * {@code BENCHDECK_DATABASE_URL}.
 */
public final class HeadlessCommands {

    public static final int OK = 0;
    public static final int USAGE = 2;
    public static final int DATABASE = 3;
    public static final int WEAK_PASSWORD = 4;
    public static final int CONFLICT = 5;

    private static final String USAGE_TEXT = """
            usage: benchdeck users add NAME --role admin|editor|viewer   (the password: one line on standard input)
                   benchdeck tokens create --user NAME --scopes read,run,admin [--expires 30d] [--name ci]
            options as for serve: --benchdeck.data-dir=DIR, --benchdeck.embedded-db.port=N; BENCHDECK_DATABASE_URL (+ _USER, _PASSWORD)""";

    private HeadlessCommands() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("users") || args[0].equals("tokens"));
    }

    /** Runs the command; the exit status (0 done, 2 bad command line, 3 database, 4 weak password, 5 user exists or unknown). */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        Parsed parsed;
        try {
            parsed = Parsed.of(args);
        } catch (IllegalArgumentException e) {
            err.println("benchdeck: " + e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        Path dataDir = Path.of(parsed.settings.getOrDefault("benchdeck.data-dir", home + "/.benchdeck"));
        int port = Integer.parseInt(parsed.settings.getOrDefault("benchdeck.embedded-db.port", "5433"));
        try (HeadlessDatabase db = HeadlessDatabase.open(dataDir, port, env.get("BENCHDECK_DATABASE_URL"),
                env.get("BENCHDECK_DATABASE_USER"), env.get("BENCHDECK_DATABASE_PASSWORD"))) {
            return parsed.command.equals("users add") ? addUser(parsed, db, in, out, err) : createToken(parsed, db, out, err);
        } catch (IllegalArgumentException e) {
            err.println("benchdeck: " + e.getMessage());
            return USAGE;
        } catch (Exception e) {
            err.println("benchdeck: cannot open the server's database in " + dataDir + ": " + e.getMessage());
            return DATABASE;
        }
    }

    private static int addUser(Parsed parsed, HeadlessDatabase db, InputStream in, PrintStream out, PrintStream err) throws Exception {
        String name = parsed.name;
        Role role = Role.parse(parsed.required("role")).orElseThrow(() -> new IllegalArgumentException("--role must be admin, editor or viewer"));
        String password = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        if (password == null) {
            err.println("benchdeck: give the password as one line on standard input");
            return USAGE;
        }
        List<FieldProblem> problems = UserService.problems(name, password, "password");
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("benchdeck: " + (p.path().equals("password") ? "the password " : "the name ") + p.message()));
            return problems.stream().anyMatch(p -> p.path().equals("password")) ? WEAK_PASSWORD : USAGE;
        }
        UserRepository users = new UserRepository(db.jdbc());
        try {
            long id = users.insert(name, Passwords.encoder().encode(password), role, false);
            out.println("created " + role.value() + " " + name + " (id " + id + ")");
            return OK;
        } catch (DuplicateKeyException e) {
            err.println("benchdeck: the username " + name + " is taken");
            return CONFLICT;
        }
    }

    private static int createToken(Parsed parsed, HeadlessDatabase db, PrintStream out, PrintStream err) {
        String username = parsed.required("user");
        Optional<User> user = new UserRepository(db.jdbc()).findByName(username);
        if (user.isEmpty() || !user.get().enabled()) {
            err.println("benchdeck: there is no enabled user " + username);
            return CONFLICT;
        }
        List<TokenScope> scopes = new ArrayList<>();
        for (String name : parsed.required("scopes").split(",")) {
            TokenScope scope = TokenScope.parse(name.strip()).orElseThrow(() -> new IllegalArgumentException(
                    "--scopes takes read, run and admin, comma-separated; not " + name.strip()));
            if (!user.get().role().includes(scope.role())) {
                throw new IllegalArgumentException("the scope " + scope.value() + " is more than " + username + " may do ("
                        + user.get().role().value() + ")");
            }
            scopes.add(scope);
        }
        Instant expires = parsed.options.containsKey("expires") ? Instant.now().plus(duration(parsed.options.get("expires"))) : null;
        String name = parsed.options.getOrDefault("name", "cli");
        out.println(TokenService.on(db.jdbc()).create(user.get().id(), name, scopes, expires).secret());
        return OK;
    }

    /** {@code 30d}, {@code 12h}, {@code 90m}, or a number of days. */
    static Duration duration(String text) {
        var m = java.util.regex.Pattern.compile("(\\d{1,5})([dhm]?)").matcher(text.strip());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException("--expires takes a duration such as 30d, 12h or 90m; not " + text);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "h" -> Duration.ofHours(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofDays(n);
        };
    }

    /** The command line: the command, its NAME (users add), {@code --option value}s and {@code --setting=value}s. */
    private record Parsed(String command, @Nullable String name, Map<String, String> options, Map<String, String> settings) {

        static Parsed of(String[] args) {
            if (args.length < 2 || !(args[0] + " " + args[1]).matches("users add|tokens create")) {
                throw new IllegalArgumentException("unknown command: " + String.join(" ", args));
            }
            String command = args[0] + " " + args[1];
            String name = null;
            Map<String, String> options = new LinkedHashMap<>();
            Map<String, String> settings = new LinkedHashMap<>();
            for (int i = 2; i < args.length; i++) {
                String arg = args[i];
                if (arg.startsWith("--") && arg.contains("=")) {
                    settings.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
                } else if (arg.startsWith("--")) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(arg + " needs a value");
                    }
                    options.put(arg.substring(2), args[++i]);
                } else if (name == null && command.equals("users add")) {
                    name = arg;
                } else {
                    throw new IllegalArgumentException("unexpected argument: " + arg);
                }
            }
            List<String> known = command.equals("users add") ? List.of("role") : List.of("user", "scopes", "expires", "name");
            for (String option : options.keySet()) {
                if (!known.contains(option)) {
                    throw new IllegalArgumentException("unknown option --" + option);
                }
            }
            if (command.equals("users add") && name == null) {
                throw new IllegalArgumentException("users add needs the NAME of the user");
            }
            return new Parsed(command, name, options, settings);
        }

        String required(String option) {
            String value = options.get(option);
            if (value == null) {
                throw new IllegalArgumentException("--" + option + " is required");
            }
            return value;
        }
    }
}
