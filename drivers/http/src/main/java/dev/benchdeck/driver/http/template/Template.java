package dev.benchdeck.driver.http.template;

import dev.benchdeck.engine.driver.RequestContext;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A text of the plan (path, header value, body) compiled into parts once, at parse time. A template
 * without placeholders keeps its bytes ready so that nothing is rendered per request.
 */
public final class Template {

    public static final Template EMPTY = new Template(List.of());

    private final TemplatePart[] parts;
    private final byte[] constant;

    private Template(List<TemplatePart> parts) {
        List<TemplatePart> merged = mergeLiterals(parts);
        this.parts = merged.toArray(TemplatePart[]::new);
        this.constant = constantBytes(this.parts);
    }

    public static Template of(List<TemplatePart> parts) {
        return new Template(parts);
    }

    public static Template literal(String text) {
        return literal(text.getBytes(StandardCharsets.UTF_8));
    }

    public static Template literal(byte[] bytes) {
        return new Template(List.of(new TemplatePart.Literal(bytes)));
    }

    /** The templates one after the other, e.g. the target URL's path and the workload's path. */
    public static Template concat(Template... templates) {
        List<TemplatePart> all = new ArrayList<>();
        for (Template t : templates) {
            all.addAll(List.of(t.parts));
        }
        return new Template(all);
    }

    public boolean isConstant() {
        return constant != null;
    }

    /** The bytes of a template without placeholders; {@code null} when it has some. */
    public byte[] constantBytes() {
        return constant;
    }

    public void writeTo(ByteSink out, RequestContext request) {
        if (constant != null) {
            out.write(constant);
            return;
        }
        for (TemplatePart part : parts) {
            part.writeTo(out, request);
        }
    }

    /** Renders a journey's template, whose {@code ${name}} parts take the user's {@code variables}. */
    public void writeTo(ByteSink out, RequestContext request, java.util.Map<String, String> variables) {
        if (constant != null) {
            out.write(constant);
            return;
        }
        for (TemplatePart part : parts) {
            if (part instanceof TemplatePart.Variable v) {
                String value = variables.get(v.name());
                if (value != null) {
                    out.write(value.getBytes(StandardCharsets.UTF_8));
                }
            } else {
                part.writeTo(out, request);
            }
        }
    }

    /** The rendered bytes as a new array; for paths that need them apart (HTTP/2, tests). */
    public byte[] render(RequestContext request) {
        if (constant != null) {
            return constant;
        }
        ByteSink out = new ByteSink(256);
        writeTo(out, request);
        return out.toByteArray();
    }

    public String renderText(RequestContext request) {
        return new String(render(request), StandardCharsets.UTF_8);
    }

    private static List<TemplatePart> mergeLiterals(List<TemplatePart> parts) {
        List<TemplatePart> merged = new ArrayList<>();
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        for (TemplatePart part : parts) {
            if (part instanceof TemplatePart.Literal literal) {
                pending.writeBytes(literal.bytes());
            } else {
                flush(pending, merged);
                merged.add(part);
            }
        }
        flush(pending, merged);
        return merged;
    }

    private static void flush(ByteArrayOutputStream pending, List<TemplatePart> merged) {
        if (pending.size() > 0) {
            merged.add(new TemplatePart.Literal(pending.toByteArray()));
            pending.reset();
        }
    }

    private static byte[] constantBytes(TemplatePart[] parts) {
        if (parts.length == 0) {
            return new byte[0];
        }
        return parts.length == 1 && parts[0] instanceof TemplatePart.Literal literal ? literal.bytes() : null;
    }
}
