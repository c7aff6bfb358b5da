package dev.benchdeck.driver.http.h1;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.driver.http.HttpPlans;
import dev.benchdeck.driver.http.HttpSpec;
import dev.benchdeck.driver.http.WorkloadReader;
import dev.benchdeck.driver.http.template.ByteSink;
import dev.benchdeck.engine.driver.RequestContext;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestTemplateTest {

    private static RequestTemplate template(String target, String workload) {
        HttpPlans.Parsed parsed = HttpPlans.parse(target, workload);
        assertThat(parsed.problems()).isEmpty();
        HttpSpec spec = (HttpSpec) parsed.spec();
        return RequestTemplate.of(spec.target(), spec.workload());
    }

    private static String render(RequestTemplate template, long sequence) {
        ByteSink out = new ByteSink(8);
        template.writeTo(out, new ByteSink(8), new RequestContext(sequence, 2, 1_000_000_000L));
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void buildsAFixedRequestOnce() {
        RequestTemplate template = template("url: http://example.test:8080/api/",
                "{method: POST, path: /items, headers: {Content-Type: application/json}, body: '{\"a\":1}'}");

        assertThat(template.constantBytes()).isNotNull().isSameAs(template.constantBytes());
        assertThat(new String(template.constantBytes(), StandardCharsets.UTF_8)).isEqualTo(
                "POST /api/items HTTP/1.1\r\nHost: example.test:8080\r\nUser-Agent: benchdeck\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 7\r\n\r\n{\"a\":1}");
    }

    @Test
    void aGetHasNoContentLengthAndKeepsTheUrlQuery() {
        RequestTemplate template = template("url: https://example.test/search?q=1", "{path: /more, headers: {Host: other}}");

        assertThat(new String(template.constantBytes(), StandardCharsets.UTF_8))
                .isEqualTo("GET /search/more?q=1 HTTP/1.1\r\nUser-Agent: benchdeck\r\nHost: other\r\n\r\n");
    }

    @Test
    void aPostWithoutBodySendsAnEmptyOne() {
        RequestTemplate template = template("url: http://example.test", "method: POST");

        assertThat(new String(template.constantBytes(), StandardCharsets.UTF_8))
                .endsWith("\r\nContent-Length: 0\r\n\r\n").startsWith("POST / HTTP/1.1\r\nHost: example.test\r\n");
    }

    @Test
    void rendersPlaceholdersWithTheBodyLengthInBytes() {
        RequestTemplate template = template("url: http://example.test/",
                "{method: PUT, path: '/u/${user}', headers: {X-Seq: '${seq}'}, body: 'é=${seq}'}");

        assertThat(template.constantBytes()).isNull();
        assertThat(render(template, 123)).isEqualTo(
                "PUT /u/2 HTTP/1.1\r\nHost: example.test\r\nUser-Agent: benchdeck\r\nX-Seq: 123\r\n"
                        + "Content-Length: 6\r\n\r\né=123");
    }

    @Test
    void joinsPathsWithOneSlash() {
        assertThat(WorkloadReader.joinPaths("/", "/a")).isEqualTo("/a");
        assertThat(WorkloadReader.joinPaths("/api", "a")).isEqualTo("/api/a");
        assertThat(WorkloadReader.joinPaths("/api", "?x=1")).isEqualTo("/api?x=1");
        assertThat(WorkloadReader.joinPaths("/api/", "")).isEqualTo("/api/");
    }
}
