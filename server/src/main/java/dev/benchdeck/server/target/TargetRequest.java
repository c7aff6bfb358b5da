package dev.benchdeck.server.target;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * A target as written by a client. {@code credentials} are optional: on update, leaving them out
 * keeps the stored ones and {@code {"headers": {}}} removes them.
 */
record TargetRequest(@NotBlank @Size(max = 200) String name,
                     @Pattern(regexp = "http", message = "must be 'http' (the only kind so far)") String kind,
                     @NotBlank @Size(max = 2000) @Pattern(regexp = "(?i)https?://.+", message = "must be an http:// or https:// URL") String url,
                     Map<String, Object> options,
                     @Valid Credentials credentials) {

    /** Request headers added to every request at run time, e.g. {@code Authorization}. */
    record Credentials(Map<@NotBlank String, @NotBlank String> headers) {
    }
}
