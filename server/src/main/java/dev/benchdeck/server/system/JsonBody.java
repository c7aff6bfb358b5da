package dev.benchdeck.server.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;

/**
 * Reads a request body with the results' JSON form ({@link Json}), for endpoints that take the engine's own records;
 * what does not read is a 400 with the field's path, in our wording rather than Jackson's (it names Java classes).
 */
public final class JsonBody {

    private JsonBody() {
    }

    /** @param what the body's name in messages ("the upload") */
    public static <T> T read(String body, Class<T> type, String what) {
        try {
            return Json.mapper().readValue(body, type);
        } catch (MismatchedInputException e) {
            throw new BadRequestException(what + " does not read", List.of(new FieldProblem(path("", e), readable(e))));
        } catch (JsonProcessingException e) {
            throw new BadRequestException(what + " is not JSON", List.of(new FieldProblem("", "is not JSON, or nested too deeply")));
        }
    }

    /** What was wrong with a field, in our words. */
    public static String readable(MismatchedInputException e) {
        return e instanceof UnrecognizedPropertyException ? "is not a known field" : "has the wrong type or shape";
    }

    /** The path of the field that did not read, under {@code root}. */
    public static String path(String root, MismatchedInputException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .reduce(root, (a, b) -> b.startsWith("[") || a.isEmpty() ? a + b : a + "." + b);
    }
}
