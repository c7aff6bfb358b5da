package dev.benchdeck.driver.http;

import dev.benchdeck.driver.http.template.Template;
import java.util.List;

/**
 * The plan's {@code workload} section, checked and compiled.
 *
 * @param requestTarget the target URL's path joined with the workload's {@code path} (and the URL's query)
 * @param body          the body, or {@code null} when the plan gives none
 * @param journey       the user journey ({@code workload.journey}) that replaces the single request, or {@code null}
 */
public record HttpWorkload(HttpMethod method, Template requestTarget, List<Header> headers, Template body,
                    ExpectedStatus expectedStatus, Journey journey) {

    public HttpWorkload(HttpMethod method, Template requestTarget, List<Header> headers, Template body,
                 ExpectedStatus expectedStatus) {
        this(method, requestTarget, headers, body, expectedStatus, null);
    }

    public HttpWorkload {
        headers = List.copyOf(headers);
    }

    /** A request header whose value may hold placeholders. */
    public record Header(String name, Template value) {
    }
}
