package dev.benchdeck.driver.ingest.config;

import dev.benchdeck.engine.plan.ConfigNode;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads and checks the ingest driver's {@code target} and {@code workload}, reporting every problem with its path. */
public final class IngestPlanReader {

    public static final Set<String> TARGET_FIELDS = Set.of("http", "redis", "kafka", "sink");
    public static final Set<String> HTTP_FIELDS = Set.of("url", "format");
    public static final Set<String> REDIS_FIELDS = Set.of("url", "stream", "list", "field", "encoding");
    public static final Set<String> KAFKA_FIELDS = Set.of("bootstrap", "topic", "encoding", "acks");
    public static final Set<String> SINK_FIELDS = Set.of("url", "user", "password", "password_env", "table", "id_column",
            "timestamp_column");
    public static final Set<String> WORKLOAD_FIELDS = Set.of("driver", "batch_size", "content", "poll_interval", "grace",
            "id_prefix");
    /** The ingestor takes up to 10,000 messages per request by default; far more is a typo. */
    static final int MAX_BATCH_SIZE = 100_000;
    static final Duration MIN_POLL_INTERVAL = Duration.ofMillis(1);
    static final Duration MAX_POLL_INTERVAL = Duration.ofSeconds(10);
    private static final String IDENTIFIER = "[A-Za-z_][A-Za-z0-9_]*";
    /** Ids are prefix + 12 digits; the ingestor takes ids of 1–128 of these characters. */
    private static final String ID_PREFIX = "[A-Za-z0-9._:-]{1,100}";
    private static final String HOST_PORT = "[^\\s,:/]+:\\d{1,5}";
    /** Kafka's own rule for topic names. */
    private static final String TOPIC = "[A-Za-z0-9._-]{1,249}";

    private IngestPlanReader() {
    }

    /** The entry, or {@code null} when it is missing or unusable (problems reported). */
    public static EntrySettings entry(ConfigNode target) {
        if (!target.expectObject(TARGET_FIELDS)) {
            return null;
        }
        List<String> entries = List.of("http", "redis", "kafka").stream().filter(target::has).toList();
        if (entries.size() != 1) {
            target.problem("give exactly one entry: http (POST to a URL), redis (XADD to a stream, LPUSH to a list) or kafka"
                    + " (produce to a topic)");
        }
        if (entries.isEmpty()) {
            return null;
        }
        return switch (entries.getFirst()) {
            case "http" -> http(target.get("http"));
            case "redis" -> redis(target.get("redis"));
            default -> kafka(target.get("kafka"));
        };
    }

    private static EntrySettings kafka(ConfigNode kafka) {
        if (!kafka.expectObject(KAFKA_FIELDS)) {
            return null;
        }
        String bootstrap = kafka.requiredText("bootstrap");
        boolean bootstrapOk = bootstrap != null && bootstrap.matches(HOST_PORT + "(," + HOST_PORT + ")*")
                && Arrays.stream(bootstrap.split(",")).allMatch(hp -> Integer.parseInt(hp.substring(hp.lastIndexOf(':') + 1)) <= 65_535);
        if (bootstrap != null && !bootstrapOk) {
            kafka.problem("bootstrap", "must be host:port[,host:port…] (ports 0–65535)");
        }
        String topic = kafka.requiredText("topic");
        boolean topicOk = topic != null && topic.matches(TOPIC) && !topic.equals(".") && !topic.equals("..");
        if (topic != null && !topicOk) {
            kafka.problem("topic", "must be 1–249 of A-Z a-z 0-9 . _ - (Kafka's rule for topic names)");
        }
        String encoding = kafka.choice("encoding", "compact", List.of("compact", "json"));
        String acks = kafka.choice("acks", "all", List.of("all", "1"));
        if (!bootstrapOk || !topicOk || encoding == null || acks == null) {
            return null;
        }
        return new EntrySettings.Kafka(bootstrap, topic, EntrySettings.ValueEncoding.valueOf(upper(encoding)), acks);
    }

    private static EntrySettings http(ConfigNode http) {
        if (!http.expectObject(HTTP_FIELDS)) {
            return null;
        }
        URI url = url(http, "url", List.of("http", "https"));
        String format = http.choice("format", "json", List.of("json", "ndjson"));
        return url == null ? null : new EntrySettings.Http(url, EntrySettings.BodyFormat.valueOf(upper(format)));
    }

    private static EntrySettings redis(ConfigNode redis) {
        if (!redis.expectObject(REDIS_FIELDS)) {
            return null;
        }
        URI url = url(redis, "url", List.of("redis", "rediss"));
        String stream = redis.text("stream", null);
        String list = redis.text("list", null);
        if ((stream == null) == (list == null)) {
            redis.problem("give exactly one of stream (XADD) and list (LPUSH)");
        }
        for (String key : new String[] {"stream", "list"}) {
            String value = redis.text(key, null);
            if (value != null && value.isBlank()) {
                redis.problem(key, "must not be empty");
            }
        }
        String field = redis.text("field", "m");
        if (field != null && field.isBlank()) {
            redis.problem("field", "must not be empty");
        }
        if (redis.has("field") && list != null) {
            redis.problem("field", "only applies to a stream (a list entry is the value alone)");
        }
        String encoding = redis.choice("encoding", "compact", List.of("compact", "json"));
        if (url == null || (stream == null) == (list == null)) {
            return null;
        }
        return new EntrySettings.Redis(url, stream, list, field, EntrySettings.ValueEncoding.valueOf(upper(encoding)));
    }

    /** The sink, or {@code null} when it is missing or unusable (problems reported). */
    public static SinkSettings sink(ConfigNode target) {
        ConfigNode sink = target.get("sink");
        if (sink.isMissing()) {
            if (!target.isMissing() && target.raw().isObject()) {
                sink.problem("is required: the PostgreSQL table the pipeline writes to (url, table, id_column…)");
            }
            return null;
        }
        if (!sink.expectObject(SINK_FIELDS)) {
            return null;
        }
        String url = sink.requiredText("url");
        if (url != null && !url.startsWith("jdbc:postgresql://")) {
            sink.problem("url", "must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database)");
        }
        String user = sink.text("user", "postgres");
        String password = sink.text("password", null);
        String passwordEnv = sink.text("password_env", null);
        if (password != null && passwordEnv != null) {
            sink.problem("give at most one of password and password_env");
        }
        if (passwordEnv != null && !passwordEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            sink.problem("password_env", "must be an environment variable name (letters, digits, _)");
        }
        String table = identifier(sink, "table", SinkSettings.DEFAULT_TABLE, IDENTIFIER + "(\\." + IDENTIFIER + ")?");
        String id = identifier(sink, "id_column", SinkSettings.DEFAULT_ID_COLUMN, IDENTIFIER);
        String ts = identifier(sink, "timestamp_column", SinkSettings.DEFAULT_TIMESTAMP_COLUMN, IDENTIFIER);
        if (url == null || !url.startsWith("jdbc:postgresql://") || table == null || id == null || ts == null) {
            return null;
        }
        return new SinkSettings(url, user, password, passwordEnv, table, id, ts);
    }

    public static IngestWorkload workload(ConfigNode workload) {
        workload.expectObject(WORKLOAD_FIELDS);
        Long batch = workload.integerAtLeast("batch_size", (long) IngestWorkload.DEFAULT_BATCH_SIZE, 1);
        if (batch != null && batch > MAX_BATCH_SIZE) {
            workload.problem("batch_size", "must be ≤ " + MAX_BATCH_SIZE);
        }
        String content = workload.text("content", IngestWorkload.DEFAULT_CONTENT);
        Duration poll = workload.duration("poll_interval", IngestWorkload.DEFAULT_POLL_INTERVAL);
        if (poll != null && (poll.compareTo(MIN_POLL_INTERVAL) < 0 || poll.compareTo(MAX_POLL_INTERVAL) > 0)) {
            workload.problem("poll_interval", "must be between 1ms and 10s (it bounds the end-to-end latency's resolution)");
        }
        Duration grace = workload.duration("grace", IngestWorkload.DEFAULT_GRACE);
        if (grace != null && grace.isZero()) {
            workload.problem("grace", "must be > 0 (how long after the last send a message may still arrive)");
        }
        String prefix = workload.text("id_prefix", null);
        if (prefix != null && !prefix.matches(ID_PREFIX)) {
            workload.problem("id_prefix", "must be 1–100 of A-Z a-z 0-9 . _ : - (ids are the prefix and 12 digits)");
        }
        return new IngestWorkload(batch == null ? 1 : (int) Math.min(Math.max(batch, 1), MAX_BATCH_SIZE), content,
                poll == null ? IngestWorkload.DEFAULT_POLL_INTERVAL : poll,
                grace == null || grace.isZero() ? IngestWorkload.DEFAULT_GRACE : grace, prefix);
    }

    private static String identifier(ConfigNode node, String field, String defaultValue, String pattern) {
        String value = node.text(field, defaultValue);
        if (value != null && !value.matches(pattern)) {
            node.problem(field, "must be a plain SQL name (letters, digits, _" + (field.equals("table") ? ", schema.table" : "") + ")");
            return null;
        }
        return value;
    }

    private static URI url(ConfigNode node, String field, List<String> schemes) {
        String text = node.requiredText(field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(text.trim());
            if (uri.getScheme() == null || !schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT)) || uri.getHost() == null) {
                node.problem(field, "must be a " + String.join(" or ", schemes) + " URL with a host (was '" + text + "')");
                return null;
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            node.problem(field, "not a URL: " + e.getReason());
            return null;
        }
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
