package dev.benchdeck.server.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code serve} command's TLS options, turned into Spring Boot settings (an SSL bundle named
 * {@code benchdeck}): {@code --tls-cert cert.pem --tls-key key.pem} (a PEM pair), or
 * {@code --tls-keystore file.p12 --tls-keystore-password-env VAR} (PKCS#12, its password read from the
 * variable so that it appears in no process list), and {@code --tls-redirect-port 8080} for an HTTP
 * port that redirects to HTTPS. Options take their value after a space or an {@code =}.
 */
public record TlsOptions(List<String> remainingArgs, Map<String, Object> properties) {

    static final String BUNDLE = "benchdeck";
    private static final List<String> NAMES = List.of("--tls-cert", "--tls-key", "--tls-keystore", "--tls-keystore-password-env",
            "--tls-redirect-port");

    /** Thrown for options that cannot work together; the message is one line for the console. */
    public static final class InvalidTlsOptions extends IllegalArgumentException {
        InvalidTlsOptions(String message) {
            super(message);
        }
    }

    public static TlsOptions parse(String[] args, Function<String, String> environment) {
        Map<String, String> given = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!NAMES.contains(name)) {
                rest.add(arg);
                continue;
            }
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new InvalidTlsOptions(name + " needs a value");
            }
            given.put(name, value);
        }
        return new TlsOptions(List.copyOf(rest), properties(given, environment));
    }

    private static Map<String, Object> properties(Map<String, String> given, Function<String, String> environment) {
        Map<String, Object> properties = new LinkedHashMap<>();
        String cert = given.get("--tls-cert");
        String key = given.get("--tls-key");
        String keystore = given.get("--tls-keystore");
        if ((cert == null) != (key == null)) {
            throw new InvalidTlsOptions("--tls-cert and --tls-key go together (a PEM certificate chain and its private key)");
        }
        if (cert != null && keystore != null) {
            throw new InvalidTlsOptions("give either --tls-cert/--tls-key or --tls-keystore, not both");
        }
        if (given.containsKey("--tls-keystore-password-env") && keystore == null) {
            throw new InvalidTlsOptions("--tls-keystore-password-env is for --tls-keystore");
        }
        if (cert != null) {
            properties.put("spring.ssl.bundle.pem." + BUNDLE + ".keystore.certificate", "file:" + readable(cert, "--tls-cert"));
            properties.put("spring.ssl.bundle.pem." + BUNDLE + ".keystore.private-key", "file:" + readable(key, "--tls-key"));
        }
        if (keystore != null) {
            String prefix = "spring.ssl.bundle.jks." + BUNDLE + ".keystore.";
            properties.put(prefix + "location", "file:" + readable(keystore, "--tls-keystore"));
            properties.put(prefix + "type", "PKCS12");
            String variable = given.get("--tls-keystore-password-env");
            if (variable != null) {
                String password = environment.apply(variable);
                if (password == null) {
                    throw new InvalidTlsOptions("--tls-keystore-password-env: the environment variable " + variable + " is not set");
                }
                properties.put(prefix + "password", password);
            }
        }
        if (cert != null || keystore != null) {
            properties.put("server.ssl.bundle", BUNDLE);
        }
        String redirect = given.get("--tls-redirect-port");
        if (redirect != null) {
            if (cert == null && keystore == null) {
                throw new InvalidTlsOptions("--tls-redirect-port needs TLS (--tls-cert/--tls-key or --tls-keystore)");
            }
            if (!redirect.matches("[0-9]{1,5}") || Integer.parseInt(redirect) < 1 || Integer.parseInt(redirect) > 65535) {
                throw new InvalidTlsOptions("--tls-redirect-port must be a port from 1 to 65535");
            }
            properties.put("benchdeck.tls.redirect-port", Integer.parseInt(redirect));
        }
        return properties;
    }

    private static String readable(String file, String option) {
        Path path = Path.of(file).toAbsolutePath();
        if (!Files.isReadable(path)) {
            throw new InvalidTlsOptions(option + ": cannot read " + path);
        }
        return path.toString();
    }
}
