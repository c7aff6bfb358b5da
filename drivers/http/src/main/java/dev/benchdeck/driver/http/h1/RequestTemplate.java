package dev.benchdeck.driver.http.h1;

import dev.benchdeck.driver.http.HttpTarget;
import dev.benchdeck.driver.http.HttpWorkload;
import dev.benchdeck.driver.http.template.ByteSink;
import dev.benchdeck.driver.http.template.Template;
import dev.benchdeck.engine.driver.RequestContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An HTTP/1.1 request as bytes: request line, headers, Content-Length and body. When nothing in it
 * varies, the bytes are built once and every request writes that same array.
 */
final class RequestTemplate {

    public static final String USER_AGENT = "benchdeck";

    private static final byte[] CRLF = ascii("\r\n");
    private static final byte[] CONTENT_LENGTH = ascii("Content-Length: ");
    private static final byte[] END_OF_HEAD = ascii("\r\n\r\n");

    private final Template head;
    private final Template body;
    private final byte[] constantBodyPart;
    private final byte[] constant;

    private RequestTemplate(Template head, Template body) {
        this.head = head;
        this.body = body;
        this.constantBodyPart = body != null && body.isConstant() ? bodyPart(body.constantBytes()) : null;
        this.constant = head.isConstant() && (body == null || body.isConstant()) ? buildConstant() : null;
    }

    public static RequestTemplate of(HttpTarget target, HttpWorkload workload) {
        List<Template> head = new ArrayList<>();
        head.add(Template.literal(workload.method().name() + " "));
        head.add(workload.requestTarget());
        head.add(Template.literal(" HTTP/1.1\r\n"));
        if (!hasHeader(workload, "Host")) {
            head.add(Template.literal("Host: " + target.hostHeader() + "\r\n"));
        }
        if (!hasHeader(workload, "User-Agent")) {
            head.add(Template.literal("User-Agent: " + USER_AGENT + "\r\n"));
        }
        for (HttpWorkload.Header header : workload.headers()) {
            head.add(Template.literal(header.name() + ": "));
            head.add(header.value());
            head.add(Template.literal("\r\n"));
        }
        Template body = workload.body() != null ? workload.body()
                : workload.method().sendsBody() ? Template.EMPTY : null;
        return new RequestTemplate(Template.concat(head.toArray(Template[]::new)), body);
    }

    /** The request's bytes when it has no placeholders, else {@code null}. */
    public byte[] constantBytes() {
        return constant;
    }

    /** Renders the request into {@code out}; {@code bodyScratch} holds the body while its length is measured. */
    public void writeTo(ByteSink out, ByteSink bodyScratch, RequestContext request) {
        out.reset();
        head.writeTo(out, request);
        if (body == null) {
            out.write(CRLF);
        } else if (constantBodyPart != null) {
            out.write(constantBodyPart);
        } else {
            bodyScratch.reset();
            body.writeTo(bodyScratch, request);
            out.write(CONTENT_LENGTH);
            out.writeDecimal(bodyScratch.length());
            out.write(END_OF_HEAD);
            out.write(bodyScratch.array(), 0, bodyScratch.length());
        }
    }

    private byte[] buildConstant() {
        ByteSink out = new ByteSink(256);
        writeTo(out, null, null);
        return out.toByteArray();
    }

    private static byte[] bodyPart(byte[] body) {
        ByteSink out = new ByteSink(body.length + 32);
        out.write(CONTENT_LENGTH);
        out.writeDecimal(body.length);
        out.write(END_OF_HEAD);
        out.write(body);
        return out.toByteArray();
    }

    private static boolean hasHeader(HttpWorkload workload, String name) {
        return workload.headers().stream().anyMatch(h -> h.name().equalsIgnoreCase(name));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
