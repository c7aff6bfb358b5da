package dev.benchdeck.driver.jdbc.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What the setup phase does with the benchmark table. */
public enum SetupMode {
    /** Keep the table when it has the right shape and exactly {@code rows} rows; else (re)load it. */
    REUSE,
    /** Drop the table (only one Benchdeck created) and load it afresh. */
    RECREATE,
    /** Touch nothing: the table must exist with the right shape. */
    NONE;

    public String planText() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> planTexts() {
        return Arrays.stream(values()).map(SetupMode::planText).toList();
    }

    public static SetupMode fromPlanText(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
