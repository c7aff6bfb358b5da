package dev.benchdeck.driver.http.h1;

import dev.benchdeck.driver.http.template.ByteSink;
import dev.benchdeck.engine.driver.RequestContext;

/**
 * One session's request bytes: the template's pre-built bytes when it has no placeholders (the
 * hot path writes the same array every time), else rendered per request into reused buffers.
 */
final class RequestBuffer {

    private final RequestTemplate template;
    private final byte[] constant;
    private final ByteSink rendered;
    private final ByteSink bodyScratch;

    public RequestBuffer(RequestTemplate template) {
        this.template = template;
        this.constant = template.constantBytes();
        this.rendered = constant == null ? new ByteSink(512) : null;
        this.bodyScratch = constant == null ? new ByteSink(512) : null;
    }

    public boolean isConstant() {
        return constant != null;
    }

    /** Renders the request for this context (nothing to do for a constant one); then read {@link #array()}. */
    public void render(RequestContext context) {
        if (constant == null) {
            template.writeTo(rendered, bodyScratch, context);
        }
    }

    public byte[] array() {
        return constant != null ? constant : rendered.array();
    }

    public int length() {
        return constant != null ? constant.length : rendered.length();
    }
}
