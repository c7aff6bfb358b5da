package dev.benchdeck.driver.llm;

import dev.benchdeck.driver.http.HttpTarget;
import dev.benchdeck.driver.http.HttpVersion;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * The {@code llm} driver's target: a base URL, the provider (how to authenticate, which API by
 * default) and the API key ({@code api_key}, injected by the server from its encrypted store, or
 * {@code api_key_env}). {@code toString} never shows the key.
 */
record LlmTarget(URI url, String provider, String apiKey, String apiKeyEnv, Duration connectTimeout, boolean insecure) {

    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** The key to send: inline, else the environment variable's value, else none. */
    String resolvedApiKey() {
        if (apiKey != null) {
            return apiKey;
        }
        return apiKeyEnv == null ? null : System.getenv(apiKeyEnv);
    }

    /** The URL without a trailing slash, for joining paths. */
    String base() {
        String text = url.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    boolean tls() {
        return "https".equals(url.getScheme().toLowerCase(Locale.ROOT));
    }

    HttpTarget asHttpTarget() {
        return new HttpTarget(url, HttpVersion.HTTP_1_1, connectTimeout, insecure, HttpTarget.PER_SESSION);
    }

    @Override
    public String toString() {
        return "LlmTarget[" + url + ", provider=" + provider + (apiKey != null ? ", api_key=***" : "")
                + (apiKeyEnv != null ? ", api_key_env=" + apiKeyEnv : "") + "]";
    }
}
