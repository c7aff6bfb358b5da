package dev.benchdeck.driver.llm.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What LLM providers expect of a caller and how they report errors, shared by the llm driver's runs and
 * its target check: the authentication headers, the check of an API key before it goes into a
 * header, and the provider's error message or an excerpt read from a body (never repeating the key).
 */
public final class LlmProviders {

    public static final String ANTHROPIC = "anthropic";
    public static final String ANTHROPIC_VERSION = "2023-06-01";
    /** The longest provider message kept, in characters. */
    public static final int MESSAGE_CHARACTERS = 200;

    private static final ObjectMapper JSON = new ObjectMapper();

    private LlmProviders() {
    }

    /**
     * The provider's authentication headers: {@code anthropic-version} and {@code x-api-key} for
     * Anthropic, {@code authorization: Bearer <key>} for every other provider; no key, no key header.
     */
    public static Map<String, String> authHeaders(String provider, String apiKey) {
        Map<String, String> headers = new LinkedHashMap<>();
        boolean anthropic = ANTHROPIC.equals(provider);
        if (anthropic) {
            headers.put("anthropic-version", ANTHROPIC_VERSION);
        }
        if (apiKey != null) {
            headers.put(anthropic ? "x-api-key" : "authorization", anthropic ? apiKey : "Bearer " + apiKey);
        }
        return headers;
    }

    /**
     * Why the key cannot be sent in a header, or {@code null}: a line break or another control
     * character (typically a key pasted or stored with a trailing newline). The message never holds the key.
     */
    public static String apiKeyProblem(String apiKey) {
        if (apiKey == null) {
            return null;
        }
        for (int i = 0; i < apiKey.length(); i++) {
            char c = apiKey.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return c == '\n' || c == '\r'
                        ? "contains a line break (at character " + (i + 1) + " of " + apiKey.length() + "); remove it"
                        : "contains a control character (at character " + (i + 1) + " of " + apiKey.length() + "); remove it";
            }
        }
        return null;
    }

    /**
     * The provider's error message from an error body ({@code error.message}, {@code error},
     * {@code message} or {@code detail} of a JSON object), else an excerpt of the body; one line of at
     * most {@link #MESSAGE_CHARACTERS} characters, with {@code secret} (the API key) replaced by {@code ***}.
     * Empty for an empty body.
     */
    public static String errorMessage(byte[] body, String secret) {
        if (body == null || body.length == 0) {
            return "";
        }
        JsonNode json = jsonObject(body);
        if (json != null) {
            for (JsonNode candidate : List.of(json.path("error").path("message"), json.path("error"), json.path("message"),
                    json.path("detail"))) {
                if (candidate.isTextual() && !candidate.asText().isBlank()) {
                    return oneLine(candidate.asText(), secret);
                }
            }
        }
        return excerpt(body, secret);
    }

    /**
     * The start of a body as one line of at most {@link #MESSAGE_CHARACTERS} characters, with
     * {@code secret} replaced by {@code ***}; {@code "empty body"} for none.
     */
    public static String excerpt(byte[] body, String secret) {
        if (body == null || body.length == 0) {
            return "empty body";
        }
        return oneLine(new String(body, 0, Math.min(body.length, MESSAGE_CHARACTERS * 2), StandardCharsets.UTF_8), secret);
    }

    /** The body as a JSON object, or {@code null} when it is empty, not JSON or not an object. */
    public static JsonNode jsonObject(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String oneLine(String text, String secret) {
        if (secret != null && !secret.isBlank()) {
            text = text.replace(secret, "***");
        }
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= MESSAGE_CHARACTERS ? line : line.substring(0, MESSAGE_CHARACTERS) + "…";
    }
}
