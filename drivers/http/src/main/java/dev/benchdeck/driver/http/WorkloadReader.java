package dev.benchdeck.driver.http;

import dev.benchdeck.driver.http.template.DataFileReader;
import dev.benchdeck.driver.http.template.DataRows;
import dev.benchdeck.driver.http.template.Template;
import dev.benchdeck.driver.http.template.TemplateCompiler;
import dev.benchdeck.engine.plan.ConfigNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks the plan's {@code workload} section for the http driver. Files it names are
 * read now, relative to the working directory, so that a missing file fails validation.
 */
public final class WorkloadReader {

    static final Set<String> FIELDS =
            Set.of("driver", "method", "path", "headers", "body", "body_file", "expect_status", "data_file", "journey", "feeders");
    /** The fields of a single request, which a journey gives per step instead. */
    private static final java.util.List<String> SINGLE_REQUEST_FIELDS =
            java.util.List.of("method", "path", "headers", "body", "body_file", "expect_status", "data_file");

    private dev.benchdeck.engine.driver.JourneyOutline outline;

    private final ConfigNode workload;
    private final HttpTarget target;

    /** @param target the checked target, or {@code null} when it had problems */
    WorkloadReader(ConfigNode workload, HttpTarget target) {
        this.workload = workload;
        this.target = target;
    }

    /** The workload, or {@code null} when the section is missing (problems reported). */
    HttpWorkload read() {
        if (workload.isMissing()) {
            workload.problem("is required");
            return null;
        }
        if (!workload.expectObject(FIELDS)) {
            return null;
        }
        workload.text("driver", "http");
        if (workload.has("journey") || workload.has("feeders")) {
            return journey();
        }
        DataRows data = dataRows();
        TemplateCompiler compiler = new TemplateCompiler(data);
        String methodName = workload.choice("method", HttpMethod.GET.name(),
                Arrays.stream(HttpMethod.values()).map(Enum::name).toList());
        HttpMethod method = HttpMethod.valueOf(methodName);
        Template requestTarget = requestTarget(compiler);
        List<HttpWorkload.Header> headers = headers(compiler);
        Template body = body(compiler);
        ExpectedStatus expected = new StatusListReader(workload, "expect_status").read();
        return new HttpWorkload(method, requestTarget, headers, body, expected);
    }

    /** The names a journey measures under (read even when it has problems), or {@code null} for a single request. */
    dev.benchdeck.engine.driver.JourneyOutline outline() {
        return outline;
    }

    private HttpWorkload journey() {
        for (String field : SINGLE_REQUEST_FIELDS) {
            if (workload.has(field)) {
                workload.problem(field, "a journey gives it per step (workload.journey[…]." + field + "), not for the workload");
            }
        }
        if (!workload.has("journey")) {
            workload.problem("journey", "is required with feeders");
        }
        if (target != null && target.version() == HttpVersion.HTTP_2) {
            workload.problem("journey", "journeys run on HTTP/1.1 for now (set target.http_version: \"1.1\")");
        }
        JourneyReader reader = new JourneyReader(workload, target);
        Journey journey = reader.read();
        outline = journey.outline();
        return new HttpWorkload(HttpMethod.GET, Template.literal("/"), java.util.List.of(), null, ExpectedStatus.ANY_2XX, journey);
    }

    private DataRows dataRows() {
        String file = workload.text("data_file", null);
        if (file == null) {
            return null;
        }
        return new DataFileReader(workload, "data_file").read(Path.of(file));
    }

    private Template requestTarget(TemplateCompiler compiler) {
        String path = workload.text("path", "");
        if (path.contains(" ")) {
            workload.problem("path", "must not contain spaces (encode them as %20)");
        }
        String base = target == null ? "/" : target.basePath();
        String joined = joinPaths(base, path);
        String query = target == null ? null : target.rawQuery();
        if (query != null) {
            joined = joined + (joined.contains("?") ? "&" : "?") + query;
        }
        return compiler.compile(joined, workload, "path");
    }

    public static String joinPaths(String base, String path) {
        if (path.isEmpty()) {
            return base;
        }
        if (base.endsWith("/") && path.startsWith("/")) {
            return base + path.substring(1);
        }
        if (!base.endsWith("/") && !path.startsWith("/") && !path.startsWith("?")) {
            return base + "/" + path;
        }
        return base + path;
    }

    private List<HttpWorkload.Header> headers(TemplateCompiler compiler) {
        List<HttpWorkload.Header> headers = new ArrayList<>();
        HeaderRules rules = new HeaderRules(target == null ? HttpVersion.HTTP_1_1 : target.version());
        for (Map.Entry<String, String> e : workload.textMap("headers").entrySet()) {
            String field = "headers." + e.getKey();
            String refusal = rules.refusal(e.getKey(), e.getValue());
            if (refusal != null) {
                workload.problem(field, refusal);
                continue;
            }
            headers.add(new HttpWorkload.Header(e.getKey(), compiler.compile(e.getValue(), workload, field)));
        }
        return headers;
    }

    private Template body(TemplateCompiler compiler) {
        String body = workload.text("body", null);
        String bodyFile = workload.text("body_file", null);
        if (body != null && bodyFile != null) {
            workload.problem("body_file", "give either body or body_file, not both");
            return null;
        }
        if (body != null) {
            return compiler.compile(body, workload, "body");
        }
        return bodyFile == null ? null : bodyFromFile(Path.of(bodyFile), compiler);
    }

    /** A UTF-8 body file is a template like {@code body}; any other file is sent byte for byte. */
    private Template bodyFromFile(Path file, TemplateCompiler compiler) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            workload.problem("body_file", "no such file: " + file);
            return null;
        } catch (IOException e) {
            workload.problem("body_file", "cannot read " + file + ": " + e.getMessage());
            return null;
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return compiler.compile(text, workload, "body_file");
        } catch (CharacterCodingException e) {
            return Template.literal(bytes);
        }
    }
}
