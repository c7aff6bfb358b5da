package dev.benchdeck.server.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;

/** What a report download is written as: its {@code format} parameter, media type and file extension. */
enum ReportFormat {
    HTML("html", "text/html;charset=UTF-8", "html"),
    MD("md", "text/markdown;charset=UTF-8", "md"),
    CSV("csv", "text/csv;charset=UTF-8", "csv"),
    INTERVALS_CSV("intervals-csv", "text/csv;charset=UTF-8", "intervals.csv"),
    JUNIT("junit", "application/xml;charset=UTF-8", "junit.xml"),
    JSON("json", "application/json", "json");

    final String parameter;
    final MediaType mediaType;
    final String extension;

    ReportFormat(String parameter, String mediaType, String extension) {
        this.parameter = parameter;
        this.mediaType = MediaType.parseMediaType(mediaType);
        this.extension = extension;
    }

    static ReportFormat parse(String value) {
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.parameter.equals(wanted)).findFirst().orElse(null);
    }

    static String choices() {
        return Arrays.stream(values()).map(f -> f.parameter).collect(Collectors.joining(", "));
    }
}
