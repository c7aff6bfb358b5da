package dev.benchdeck.ingestor.message;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a POST /messages body: one JSON object, a JSON array of them, or NDJSON (one object a line). Every message
 * is checked; any problem rejects the whole body (a batch is all or nothing), with each problem's index and field.
 */
public final class MessageParser {

    /** An id the client chooses: printable, no spaces, at most this long. */
    public static final int MAX_ID_LENGTH = 128;
    public static final int MAX_CONTENT_LENGTH = 65_536;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:\\-]{1," + MAX_ID_LENGTH + "}");
    private static final Set<String> FIELDS = Set.of("id", "user_id", "channel_id", "content", "created_at");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int maxMessages;

    public MessageParser(int maxMessages) {
        this.maxMessages = maxMessages;
    }

    /** Thrown for a body that is not JSON at all (400 "malformed"), as opposed to JSON with bad messages. */
    public static final class MalformedBodyException extends Exception {
        public MalformedBodyException(String message) {
            super(message, null, false, false);
        }
    }

    /** Thrown when the body holds more messages than a request may (413). */
    public static final class TooManyMessagesException extends Exception {
        public TooManyMessagesException(String message) {
            super(message, null, false, false);
        }
    }

    public List<Message> parse(byte[] body, boolean ndjson, Instant receivedAt)
            throws MalformedBodyException, BadMessagesException, TooManyMessagesException {
        Items read = ndjson ? new Items(readLines(body), true) : readDocument(body);
        List<JsonNode> items = read.nodes();
        if (items.isEmpty()) {
            throw new BadMessagesException(List.of(new FieldProblem("body", "no messages: send an object, an array of objects or NDJSON")));
        }
        if (items.size() > maxMessages) {
            throw new TooManyMessagesException(items.size() + " messages in one request; at most " + maxMessages);
        }
        boolean batch = read.batch();
        List<FieldProblem> problems = new ArrayList<>();
        List<Message> messages = new ArrayList<>(items.size());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Message m = check(items.get(i), batch ? "[" + i + "]" : "", receivedAt, problems);
            if (m != null && !ids.add(m.id())) {
                problems.add(new FieldProblem(prefix(batch ? "[" + i + "]" : "", "id"), "the id " + m.id() + " appears twice in this batch"));
            }
            messages.add(m);
        }
        if (!problems.isEmpty()) {
            throw new BadMessagesException(problems);
        }
        return messages;
    }

    /** The body's messages, and whether it was a batch (an array or NDJSON: problems carry an index). */
    private record Items(List<JsonNode> nodes, boolean batch) {
    }

    private Items readDocument(byte[] body) throws MalformedBodyException {
        JsonNode root;
        try (JsonParser parser = JSON.createParser(body)) {
            root = parser.readValueAsTree();
            if (root != null && parser.nextToken() != null) {
                throw new MalformedBodyException("the body is not valid JSON: more than one value (send an array, or NDJSON as application/x-ndjson)");
            }
        } catch (JsonParseException e) {
            throw new MalformedBodyException("the body is not valid JSON: " + firstLine(e.getOriginalMessage()) + locate(e));
        } catch (IOException e) {
            throw new MalformedBodyException("the body is not valid JSON: " + firstLine(e.getMessage()));
        }
        if (root == null) {
            return new Items(List.of(), false);
        }
        List<JsonNode> items = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(items::add);
        } else {
            items.add(root);
        }
        return new Items(items, root.isArray());
    }

    private List<JsonNode> readLines(byte[] body) throws MalformedBodyException {
        List<JsonNode> items = new ArrayList<>();
        String text = new String(body, StandardCharsets.UTF_8);
        int line = 0;
        for (String l : (Iterable<String>) text.lines()::iterator) {
            line++;
            if (l.isBlank()) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(l);
                items.add(node);
            } catch (IOException e) {
                throw new MalformedBodyException("line " + line + " is not valid JSON: " + firstLine(e.getMessage()));
            }
        }
        return items;
    }

    private static Message check(JsonNode node, String at, Instant receivedAt, List<FieldProblem> problems) {
        if (!(node instanceof ObjectNode object)) {
            problems.add(new FieldProblem(at.isEmpty() ? "body" : at, "must be an object with user_id, channel_id and content"));
            return null;
        }
        int before = problems.size();
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                problems.add(new FieldProblem(prefix(at, name), "unknown field; a message has id, user_id, channel_id, content, created_at"));
            }
        }
        String id = null;
        JsonNode idNode = object.get("id");
        if (idNode != null && !idNode.isNull()) {
            if (idNode.isTextual() && ID.matcher(idNode.textValue()).matches()) {
                id = idNode.textValue();
            } else if (idNode.isIntegralNumber() && idNode.canConvertToLong()) {
                id = Long.toString(idNode.longValue());
            } else {
                problems.add(new FieldProblem(prefix(at, "id"), "must be a string of 1–" + MAX_ID_LENGTH
                        + " letters, digits or . _ : - (or an integer); leave it out to have one generated"));
            }
        }
        long user = positiveLong(object, "user_id", at, problems);
        long channel = positiveLong(object, "channel_id", at, problems);
        String content = null;
        JsonNode c = object.get("content");
        if (c == null || c.isNull()) {
            problems.add(new FieldProblem(prefix(at, "content"), "is required"));
        } else if (!c.isTextual()) {
            problems.add(new FieldProblem(prefix(at, "content"), "must be a string"));
        } else if (c.textValue().length() > MAX_CONTENT_LENGTH) {
            problems.add(new FieldProblem(prefix(at, "content"), "must be at most " + MAX_CONTENT_LENGTH + " characters"));
        } else if (c.textValue().indexOf('\0') >= 0) {
            problems.add(new FieldProblem(prefix(at, "content"), "must not contain the NUL character (PostgreSQL text cannot hold it)"));
        } else {
            content = c.textValue();
        }
        Instant created = receivedAt;
        JsonNode t = object.get("created_at");
        if (t != null && !t.isNull()) {
            if (!t.isTextual()) {
                problems.add(new FieldProblem(prefix(at, "created_at"), "must be an RFC 3339 timestamp string, e.g. 2026-01-18T10:30:45.123Z"));
            } else {
                try {
                    created = java.time.OffsetDateTime.parse(t.textValue()).toInstant();
                } catch (DateTimeParseException e) {
                    problems.add(new FieldProblem(prefix(at, "created_at"), "must be an RFC 3339 timestamp with an offset, e.g. 2026-01-18T10:30:45.123Z"));
                }
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new Message(id == null ? MessageIds.uuidV7() : id, user, channel, content, created);
    }

    private static long positiveLong(ObjectNode object, String field, String at, List<FieldProblem> problems) {
        JsonNode n = object.get(field);
        if (n == null || n.isNull()) {
            problems.add(new FieldProblem(prefix(at, field), "is required"));
        } else if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            problems.add(new FieldProblem(prefix(at, field), "must be an integer"));
        } else if (n.longValue() < 0) {
            problems.add(new FieldProblem(prefix(at, field), "must be ≥ 0"));
        } else {
            return n.longValue();
        }
        return -1;
    }

    private static String prefix(String at, String field) {
        return at.isEmpty() ? field : at + "." + field;
    }

    private static String locate(JsonParseException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
