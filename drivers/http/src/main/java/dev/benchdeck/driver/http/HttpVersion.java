package dev.benchdeck.driver.http;

import java.util.Arrays;
import java.util.List;

/** The protocol versions a target may be spoken to in, as written in plans. */
public enum HttpVersion {
    HTTP_1_1("1.1"), HTTP_2("2");

    private final String planText;

    HttpVersion(String planText) {
        this.planText = planText;
    }

    String planText() {
        return planText;
    }

    static List<String> planTexts() {
        return Arrays.stream(values()).map(HttpVersion::planText).toList();
    }

    static HttpVersion fromPlanText(String text) {
        return Arrays.stream(values()).filter(v -> v.planText.equals(text)).findFirst().orElse(HTTP_1_1);
    }
}
