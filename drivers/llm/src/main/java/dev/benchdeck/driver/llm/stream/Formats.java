package dev.benchdeck.driver.llm.stream;

import com.fasterxml.jackson.databind.JsonNode;

/** Helpers the formats share: short excerpts for messages, error objects to one line. */
final class Formats {

    private static final int EXCERPT = 120;

    private Formats() {
    }

    static String excerpt(String data) {
        String line = data.replaceAll("\\s+", " ").strip();
        return line.length() <= EXCERPT ? line : line.substring(0, EXCERPT) + "…";
    }

    /** "type: message" from an error object ({@code {"type": …, "message": …}}), or its JSON. */
    static String errorMessage(JsonNode error) {
        if (error.isTextual()) {
            return excerpt(error.asText());
        }
        String type = error.path("type").asText("");
        String message = error.path("message").asText("");
        if (type.isEmpty() && message.isEmpty()) {
            return excerpt(error.toString());
        }
        return excerpt(type.isEmpty() ? message : message.isEmpty() ? type : type + ": " + message);
    }
}
