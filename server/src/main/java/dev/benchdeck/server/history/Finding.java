package dev.benchdeck.server.history;

import java.util.Map;

/**
 * What one test found on one value: the test's name ({@code static}, {@code percentage}, {@code z_score},
 * {@code t_test}, {@code iqr}, {@code change_point}), the value, the baseline it was held against (null for a
 * static limit), the test's own figures ({@code details}: its statistic, limit, p-value…) and a sentence saying it.
 */
public record Finding(String test, double value, Double baseline, Map<String, Object> details, String message) {
}
