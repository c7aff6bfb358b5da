package dev.benchdeck.engine.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    static final String PAGE = """
            # HELP http_requests_total The total number of HTTP requests.
            # TYPE http_requests_total counter
            http_requests_total{method="post",code="200"} 1027 1395066363000
            http_requests_total{method="post",code="400"}    3 1395066363000

            # a comment that is not HELP or TYPE
            msdos_file_access_time_seconds{path="C:\\\\DIR\\\\FILE.TXT",error="Cannot find file:\\n\\"FILE.TXT\\""} 1.458255915e9
            metric_without_timestamp_and_labels 12.47
            # TYPE rpc_duration_seconds summary
            rpc_duration_seconds{quantile="0.5"} 4773
            rpc_duration_seconds_sum 1.7560473e+07
            rpc_duration_seconds_count 2693
            # TYPE http_request_duration_seconds histogram
            http_request_duration_seconds_bucket{le="+Inf"} 144320
            http_request_duration_seconds_count 144320
            something_weird{problem="division by zero"} +Inf -3982045
            not_a_number NaN
            trailing_comma{a="1",} 2
            # TYPE process_open_fds gauge
            process_open_fds 31
            # TYPE om_requests counter
            om_requests_total 7 # {trace_id="abc"} 1.0
            # EOF
            """;

    @Test
    void readsTheExpositionFormatsSamplesLabelsEscapesAndTypes() {
        PrometheusText.Page page = PrometheusText.parse(PAGE);
        assertThat(page.problems()).isEmpty();
        assertThat(page.samples()).hasSize(14);
        PrometheusText.Sample first = page.samples().get(0);
        assertThat(first.name()).isEqualTo("http_requests_total");
        assertThat(first.labels()).containsExactly(Map.entry("method", "post"), Map.entry("code", "200"));
        assertThat(first.value()).isEqualTo(1027);
        PrometheusText.Sample escaped = page.samples().get(2);
        assertThat(escaped.labels().get("path")).isEqualTo("C:\\DIR\\FILE.TXT");
        assertThat(escaped.labels().get("error")).isEqualTo("Cannot find file:\n\"FILE.TXT\"");
        assertThat(escaped.value()).isCloseTo(1.458255915e9, within(1.0));
        assertThat(page.samples().get(3).labels()).isEmpty();
        assertThat(valueOf(page, "something_weird")).isInfinite();
        assertThat(valueOf(page, "not_a_number")).isNaN();
        assertThat(valueOf(page, "trailing_comma")).isEqualTo(2);
        assertThat(valueOf(page, "om_requests_total")).isEqualTo(7);
    }

    @Test
    void knowsWhichSamplesOnlyGrow() {
        PrometheusText.Page page = PrometheusText.parse(PAGE);
        assertThat(page.isCumulative("http_requests_total")).isTrue();
        assertThat(page.isCumulative("om_requests_total")).as("an OpenMetrics counter family").isTrue();
        assertThat(page.isCumulative("rpc_duration_seconds_sum")).isTrue();
        assertThat(page.isCumulative("rpc_duration_seconds_count")).isTrue();
        assertThat(page.isCumulative("http_request_duration_seconds_count")).isTrue();
        assertThat(page.isCumulative("rpc_duration_seconds")).as("a summary's quantile").isFalse();
        assertThat(page.isCumulative("process_open_fds")).isFalse();
        assertThat(page.isCumulative("metric_without_timestamp_and_labels")).isFalse();
        assertThat(page.isCumulative("untyped_things_total")).as("untyped, named like a counter").isTrue();
    }

    @Test
    void badLinesAreReportedWithTheirNumberAndSkipped() {
        PrometheusText.Page page = PrometheusText.parse("""
                good 1
                {no_name="x"} 1
                no_value
                bad_value abc
                unclosed{a="x} 1
                no_quotes{a=x} 1
                too many fields 1 2
                also_good{a="b"} 2
                """);
        assertThat(page.samples()).extracting(PrometheusText.Sample::name).containsExactly("good", "also_good");
        assertThat(page.problems()).hasSize(6);
        assertThat(page.problems().get(0)).startsWith("line 2: ");
        assertThat(page.problems()).anyMatch(p -> p.startsWith("line 4: ") && p.contains("not a number"));
    }

    private static double valueOf(PrometheusText.Page page, String name) {
        return page.samples().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().value();
    }
}
