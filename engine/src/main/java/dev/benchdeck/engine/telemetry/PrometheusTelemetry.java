package dev.benchdeck.engine.telemetry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Chosen series of a target's Prometheus endpoint, for any kind of target: each sample scrapes the
 * endpoint and adds up what each selector matches. A counter (and a histogram's or summary's
 * {@code _sum}/{@code _count}) becomes a rate per second, named {@code prom.<selector>.per_s}; a gauge
 * keeps its value, named {@code prom.<selector>}. A selector that matches nothing is left out of the sample.
 */
public final class PrometheusTelemetry implements TelemetrySource {

    public static final String PREFIX = "prom.";
    public static final String RATE_SUFFIX = ".per_s";
    public static final int MAX_SERIES = 20;
    // a scrape is read once a second: bigger pages are someone else's whole registry, not a target's figures
    static final int MAX_BYTES = 8 << 20;

    private final URI url;
    private final List<SeriesSelector> selectors;
    private final HttpClient client;
    private final LongSupplier nanoClock;
    private final Map<String, double[]> previous = new HashMap<>();

    PrometheusTelemetry(URI url, List<SeriesSelector> selectors, HttpClient client, LongSupplier nanoClock) {
        this.url = url;
        this.selectors = List.copyOf(selectors);
        this.client = client;
        this.nanoClock = nanoClock;
    }

    /** Scrapes {@code url} (http or https) for these selectors ({@link SeriesSelector} syntax). */
    public static PrometheusTelemetry of(String url, List<String> series) {
        URI uri = URI.create(url);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("the metrics URL must be http or https");
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return new PrometheusTelemetry(uri, series.stream().map(SeriesSelector::parse).toList(), client, System::nanoTime);
    }

    @Override
    public Map<String, Double> sample() throws IOException, InterruptedException {
        return select(PrometheusText.parse(scrape()), nanoClock.getAsLong());
    }

    private String scrape() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2))
                .header("Accept", "text/plain;version=0.0.4;q=1, */*;q=0.1").GET().build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("the metrics endpoint answered " + response.statusCode());
            }
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IOException("the metrics page is larger than " + (MAX_BYTES >> 20) + " MiB");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** The selected figures of one scraped page read at {@code nanos}; rates against the previous page. */
    Map<String, Double> select(PrometheusText.Page page, long nanos) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (SeriesSelector selector : selectors) {
            double sum = 0;
            boolean matched = false;
            for (PrometheusText.Sample sample : page.samples()) {
                if (selector.matches(sample) && !Double.isNaN(sample.value())) {
                    sum += sample.value();
                    matched = true;
                }
            }
            if (!matched || Double.isInfinite(sum)) {
                continue;
            }
            if (!page.isCumulative(selector.name())) {
                out.put(PREFIX + selector.text(), sum);
                continue;
            }
            String key = PREFIX + selector.text() + RATE_SUFFIX;
            double[] before = previous.put(key, new double[] {sum, nanos});
            if (before != null && nanos > before[1]) {
                // a counter that went down was reset (the target restarted): all of its value is new
                double increase = sum >= before[0] ? sum - before[0] : sum;
                out.put(key, increase / ((nanos - before[1]) / 1e9));
            }
        }
        return out;
    }

    @Override
    public void close() {
        client.close();
    }
}
