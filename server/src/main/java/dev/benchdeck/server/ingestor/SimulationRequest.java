package dev.benchdeck.server.ingestor;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A burst for the ingestor's simulator: {@code count} messages at {@code rate} msg/s (0 or absent: as fast as it
 * takes them), each with {@code content} ({@code {n}} is the message's number). Bounded below the ingestor's own
 * limits: a dashboard button should not queue ten million messages by a typo.
 */
record SimulationRequest(@NotNull @Min(1) @Max(MAX_COUNT) Integer count,
                         @Nullable @DecimalMin("0") @DecimalMax("1000000") Double rate,
                         @Nullable @Size(min = 1, max = 500) @Pattern(regexp = "[^\\p{Cc}]*", message = "must not hold control characters")
                         String content) {

    static final int MAX_COUNT = 1_000_000;
    static final String DEFAULT_CONTENT = "Simulation burst #{n}";

    double rateOrDefault() {
        return rate == null ? 0 : rate;
    }

    String contentOrDefault() {
        return content == null ? DEFAULT_CONTENT : content;
    }
}
