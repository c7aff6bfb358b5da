package dev.benchdeck.engine.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeriesSelectorTest {

    private static PrometheusText.Sample sample(String name, Map<String, String> labels) {
        return new PrometheusText.Sample(name, labels, 1);
    }

    @Test
    void matchesByNameAndEveryLabelMatcher() {
        SeriesSelector any = SeriesSelector.parse("http_requests_total");
        assertThat(any.matches(sample("http_requests_total", Map.of("code", "500")))).isTrue();
        assertThat(any.matches(sample("http_requests", Map.of()))).isFalse();

        SeriesSelector errors = SeriesSelector.parse("http_requests_total{code=~\"5..\", method!=\"GET\"}");
        assertThat(errors.matchers()).hasSize(2);
        assertThat(errors.matches(sample("http_requests_total", Map.of("code", "503", "method", "POST")))).isTrue();
        assertThat(errors.matches(sample("http_requests_total", Map.of("code", "503", "method", "GET")))).isFalse();
        assertThat(errors.matches(sample("http_requests_total", Map.of("code", "5031", "method", "POST"))))
                .as("a regular expression matches the whole value").isFalse();
        assertThat(errors.matches(sample("http_requests_total", Map.of("code", "200")))).isFalse();

        SeriesSelector missing = SeriesSelector.parse("up{job!~\"x.*\",env=\"\"}");
        assertThat(missing.matches(sample("up", Map.of("job", "api")))).as("an absent label is the empty value").isTrue();
        assertThat(missing.matches(sample("up", Map.of("job", "xyz")))).isFalse();
        assertThat(SeriesSelector.parse("q{path=\"a\\\"b\"}").matchers().get(0).value()).isEqualTo("a\"b");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|must name a metric",
            "9lives|must start with a metric name",
            "a b|may only be a metric name",
            "a{b}|a label matcher is",
            "a{b=c}|must be in double quotes",
            "a{b=\"c}|no closing quote",
            "a{b=\"c\" d=\"e\"}|separated by commas",
            "a{b=~\"(\"}|regular expression for label b is not valid",
    })
    void badSelectorsSayWhatIsWrong(String text, String message) {
        assertThatThrownBy(() -> SeriesSelector.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void longSelectorsAreRefused() {
        assertThatThrownBy(() -> SeriesSelector.parse("a".repeat(SeriesSelector.MAX_LENGTH + 1))).hasMessageContaining("at most");
    }
}
