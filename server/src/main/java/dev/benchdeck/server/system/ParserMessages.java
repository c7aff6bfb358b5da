package dev.benchdeck.server.system;

import org.jspecify.annotations.Nullable;

/** JSON and YAML parser messages made fit for a client. */
public final class ParserMessages {

    private ParserMessages() {
    }

    /**
     * The parser's message, first line only, without what the client sent (an unquoted token may be a
     * pasted secret), parser feature and constraint names, and source locations.
     */
    public static String withoutInput(@Nullable String original) {
        String line = original == null ? "unreadable" : original.lines().findFirst().orElse("");
        if (line.startsWith("Unrecognized token")) {
            return "unrecognized text where a value belongs (strings need double quotes)";
        }
        if (line.startsWith("Non-standard token")) {
            return "NaN and Infinity are not JSON numbers";
        }
        String cleaned = line.replaceAll("\\s*\\(start marker at.*$", "")
                .replaceAll(":?\\s*enable `[^`]*` to allow.*$", "")
                .replaceAll(",?\\s*from `[^`]*`", "")
                .replaceAll("\\s*\\[Source:.*$", "")
                .replaceAll("'[^']{2,}'", "a token")
                .replace("`", "");
        cleaned = ApiProblems.withoutJavaTypes(cleaned).strip();
        return cleaned.length() > 200 ? cleaned.substring(0, 200) + "…" : cleaned;
    }
}
