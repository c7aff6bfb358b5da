package dev.benchdeck.driver.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.driver.http.template.Template;
import dev.benchdeck.engine.driver.Drivers;
import dev.benchdeck.engine.driver.RequestContext;
import dev.benchdeck.engine.plan.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpDriverFactoryTest {

    @TempDir
    Path dir;

    private static RequestContext context(long sequence) {
        return new RequestContext(sequence, 0, 1_000_000_000L);
    }

    @Test
    void isFoundByServiceLoaderAsHttp() {
        assertThat(Drivers.discover().find("http")).containsInstanceOf(HttpDriverFactory.class);
    }

    @Test
    void readsAMinimalPlanWithDefaults() {
        HttpPlans.Parsed parsed = HttpPlans.parse("url: http://127.0.0.1:8080/", "driver: http");

        assertThat(parsed.problems()).isEmpty();
        HttpSpec spec = (HttpSpec) parsed.spec();
        assertThat(spec.target().version()).isEqualTo(HttpVersion.HTTP_1_1);
        assertThat(spec.target().connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(spec.target().insecure()).isFalse();
        assertThat(spec.target().connections()).isEqualTo(HttpTarget.PER_SESSION);
        assertThat(spec.workload().method()).isEqualTo(HttpMethod.GET);
        assertThat(spec.workload().expectedStatus().accepts(204)).isTrue();
        assertThat(spec.workload().expectedStatus().accepts(301)).isFalse();
        assertThat(spec.workload().body()).isNull();
    }

    @Test
    void readsEveryField() {
        HttpPlans.Parsed parsed = HttpPlans.parse("""
                url: https://example.test:8443/base
                http_version: 1.1
                connect_timeout: 250ms
                insecure: true
                connections: 8
                """, """
                driver: http
                method: DELETE
                path: /items/${seq}
                headers: {X-Trace: '${uuid}', Accept: application/json}
                body: gone
                expect_status: [200, 404]
                """);

        assertThat(parsed.problems()).isEmpty();
        HttpSpec spec = (HttpSpec) parsed.spec();
        assertThat(spec.target().connectTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(spec.target().insecure()).isTrue();
        assertThat(spec.target().connections()).isEqualTo(8);
        assertThat(spec.target().hostHeader()).isEqualTo("example.test:8443");
        assertThat(spec.workload().method()).isEqualTo(HttpMethod.DELETE);
        assertThat(spec.workload().requestTarget().renderText(context(5))).isEqualTo("/base/items/5");
        assertThat(spec.workload().headers()).extracting(HttpWorkload.Header::name).containsExactly("X-Trace", "Accept");
        assertThat(spec.workload().expectedStatus().accepts(404)).isTrue();
        assertThat(spec.workload().expectedStatus().accepts(200)).isTrue();
        assertThat(spec.workload().expectedStatus().accepts(201)).isFalse();
    }

    @Test
    void takesASingleExpectedStatusAndHttp2() {
        HttpPlans.Parsed parsed = HttpPlans.parse("{url: 'http://h/', http_version: 2}", "expect_status: 302");

        assertThat(parsed.problems()).isEmpty();
        HttpSpec spec = (HttpSpec) parsed.spec();
        assertThat(spec.target().version()).isEqualTo(HttpVersion.HTTP_2);
        assertThat(spec.workload().expectedStatus().accepts(302)).isTrue();
        assertThat(spec.workload().expectedStatus().accepts(200)).isFalse();
    }

    @Test
    void reportsAMissingUrl() {
        assertThat(HttpPlans.parse("insecure: true", "method: GET").problems())
                .containsExactly(new Problem("target.url", "is required"));
    }

    @Test
    void reportsEveryProblemOfBothSectionsAtOnce() {
        HttpPlans.Parsed parsed = HttpPlans.parse("""
                url: ftp://example.test/
                http_version: "3"
                connect_timeout: soon
                connections: 0
                proxy: none
                """, """
                method: FETCH
                path: /items/${foo}
                headers: {X-Id: '${bar}', Content-Length: '5', 'bad header': x}
                body: '${baz}'
                expect_status: [200, 99, abc]
                retries: 3
                """);

        assertThat(parsed.paths()).containsExactlyInAnyOrder(
                "target.proxy", "target.url", "target.http_version", "target.connect_timeout", "target.connections",
                "workload.retries", "workload.method", "workload.path", "workload.headers.X-Id",
                "workload.headers.Content-Length", "workload.headers.bad header", "workload.body",
                "workload.expect_status[1]", "workload.expect_status[2]");
        assertThat(parsed.problems()).extracting(Object::toString).contains(
                "target.url: must be an http:// or https:// URL (was 'ftp://example.test/')",
                "workload.path: unknown placeholder ${foo}",
                "workload.headers.X-Id: unknown placeholder ${bar}",
                "workload.body: unknown placeholder ${baz}",
                "workload.headers.Content-Length: is set by the driver",
                "workload.expect_status[1]: must be an HTTP status (100-599)");
        assertThat(parsed.problems()).filteredOn(p -> p.path().equals("workload.method"))
                .singleElement().extracting(Problem::message).asString().contains("must be one of GET, HEAD, POST");
        assertThat(parsed.problems()).filteredOn(p -> p.path().equals("target.proxy"))
                .singleElement().extracting(Problem::message).asString().startsWith("unknown field");
    }

    @Test
    void http2RefusesHeadersAndAPoolTheJdkClientManages() {
        HttpPlans.Parsed parsed = HttpPlans.parse("{url: 'http://h/', http_version: '2', connections: 4}",
                "headers: {Connection: close, X-Fine: ok}");

        assertThat(parsed.paths()).containsExactlyInAnyOrder("target.connections", "workload.headers.Connection");
    }

    @Test
    void reportsAMissingBodyFileAndABodyGivenTwice() {
        Path missing = dir.resolve("missing.json");

        assertThat(HttpPlans.parse("url: http://h/", "body_file: " + missing).problems())
                .containsExactly(new Problem("workload.body_file", "no such file: " + missing));
        assertThat(HttpPlans.parse("url: http://h/", "{body: x, body_file: " + missing + "}").paths())
                .containsExactly("workload.body_file");
    }

    @Test
    void readsATemplatedBodyFileAndSendsABinaryOneAsIs() throws IOException {
        Path text = Files.writeString(dir.resolve("body.json"), "{\"n\":${seq}}");
        Path binary = Files.write(dir.resolve("body.bin"), new byte[] {(byte) 0xFF, 0x24, 0x7B, 0x66, 0x7D});

        HttpSpec textSpec = (HttpSpec) HttpPlans.parse("url: http://h/", "{method: POST, body_file: " + text + "}").spec();
        HttpSpec binarySpec = (HttpSpec) HttpPlans.parse("url: http://h/", "{method: POST, body_file: " + binary + "}").spec();

        assertThat(textSpec.workload().body().renderText(context(9))).isEqualTo("{\"n\":9}");
        assertThat(binarySpec.workload().body().constantBytes()).containsExactly(0xFF, 0x24, 0x7B, 0x66, 0x7D);
    }

    @Test
    void readsACsvDataFileWithQuotedFields() throws IOException {
        Path csv = Files.writeString(dir.resolve("users.csv"),
                "\uFEFFname,note\r\nann,\"hello, world\"\r\n\"bo\"\"b\",\"two\nlines\"\n\n", StandardCharsets.UTF_8);

        HttpPlans.Parsed parsed = HttpPlans.parse("url: http://h/",
                "{data_file: " + csv + ", body: '${data.name}|${data.note}'}");

        assertThat(parsed.problems()).isEmpty();
        Template body = ((HttpSpec) parsed.spec()).workload().body();
        assertThat(body.renderText(context(0))).isEqualTo("ann|hello, world");
        assertThat(body.renderText(context(1))).isEqualTo("bo\"b|two\nlines");
        assertThat(body.renderText(context(2))).isEqualTo("ann|hello, world");
    }

    @Test
    void readsAJsonLinesDataFile() throws IOException {
        Path jsonl = Files.writeString(dir.resolve("users.jsonl"),
                "{\"id\": 1, \"name\": \"ann\"}\n\n{\"id\": 2, \"tags\": [\"a\"]}\n");

        HttpPlans.Parsed parsed = HttpPlans.parse("url: http://h/",
                "{data_file: " + jsonl + ", path: '/u/${data.id}', body: '${data.name};${data.tags}'}");

        assertThat(parsed.problems()).isEmpty();
        HttpWorkload workload = ((HttpSpec) parsed.spec()).workload();
        assertThat(workload.requestTarget().renderText(context(0))).isEqualTo("/u/1");
        assertThat(workload.body().renderText(context(0))).isEqualTo("ann;");
        assertThat(workload.body().renderText(context(1))).isEqualTo(";[\"a\"]");
    }

    @Test
    void reportsBrokenDataFiles() throws IOException {
        Path ragged = Files.writeString(dir.resolve("ragged.csv"), "a,b\n1,2\n3\n");
        Path notObjects = Files.writeString(dir.resolve("bad.jsonl"), "{\"a\":1}\n[1]\n{oops\n");
        Path empty = Files.writeString(dir.resolve("empty.csv"), "a,b\n");

        assertThat(HttpPlans.parse("url: http://h/", "data_file: " + ragged).problems()).extracting(Object::toString)
                .containsExactly("workload.data_file: record 3 has 1 values but the header has 2");
        assertThat(HttpPlans.parse("url: http://h/", "data_file: " + notObjects).problems()).extracting(Problem::message)
                .satisfiesExactly(m -> assertThat(m).isEqualTo("line 2: must be a JSON object"),
                        m -> assertThat(m).startsWith("line 3: not valid JSON"));
        assertThat(HttpPlans.parse("url: http://h/", "data_file: " + empty).problems()).extracting(Problem::message)
                .containsExactly(empty + " has no data rows");
        assertThat(HttpPlans.parse("url: http://h/", "data_file: " + dir.resolve("none.csv")).paths())
                .containsExactly("workload.data_file");
    }

    @Test
    void aMissingWorkloadIsReported() {
        assertThat(HttpPlans.parse("url: http://h/", null).problems()).containsExactly(new Problem("workload", "is required"));
    }
}
