package dev.benchdeck.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.benchdeck.server.deploy.ManifestCheck.Expectations;
import dev.benchdeck.server.deploy.ManifestCheck.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Every file of deploy/kubernetes and deploy/compose.yaml, checked against what it references: the image deploy/image
 * builds (its pom), the port and health paths of the server's application.yaml, the settings the server reads, the
 * live feed's path, the variables the CLI reads, and each other (Secrets, Services, labels). The checker is shown to
 * catch each kind of mistake on a spoilt copy.
 */
class DeploymentManifestsTest {

    static final Path DEPLOY = Path.of("..", "deploy");
    static final Path KUBERNETES = DEPLOY.resolve("kubernetes");
    static final Path COMPOSE = DEPLOY.resolve("compose.yaml");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** The environment variables the CLI reads: picocli's ${env:NAME} defaults and System.getenv("NAME"). */
    private static final Pattern CLI_VARIABLE = Pattern.compile("\\$\\{env:([A-Z0-9_]+)\\}|getenv\\(\"([A-Z0-9_]+)\"\\)");
    /** The CLI's commands, as picocli names them. */
    private static final Pattern CLI_COMMAND = Pattern.compile("@Command\\(name = \"([a-z-]+)\"");

    static Expectations expected;
    static List<Manifest> kubernetes;
    static Set<String> kubernetesFiles;
    static JsonNode compose;

    @BeforeAll
    static void readEverything() throws Exception {
        JsonNode application = YAML.readTree(Path.of("src/main/resources/application.yaml").toFile());
        expected = new Expectations(imageFromPom(), application.at("/server/port").asInt(), healthPaths(application),
                livePath(), imageEntrypoint().getFirst(), pomProperty("image.cli.jar"),
                ServerSettings.of(application, Path.of("src/main/java")), cliSourceNames(CLI_VARIABLE), cliSourceNames(CLI_COMMAND));
        kubernetesFiles = new TreeSet<>();
        kubernetes = new ArrayList<>();
        try (Stream<Path> files = Files.list(KUBERNETES)) {
            for (Path file : files.sorted().toList()) {
                kubernetesFiles.add(file.getFileName().toString());
                try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
                    documents.forEachRemaining(document -> kubernetes.add(new Manifest(file.getFileName().toString(), document)));
                }
            }
        }
        compose = YAML.readTree(COMPOSE.toFile());
    }

    @Test
    void theExpectationsAreReadFromTheBuildAndTheServer() {
        assertThat(expected.image()).isEqualTo("benchdeck:0.1.0-SNAPSHOT");
        assertThat(expected.serverPort()).isEqualTo(8080);
        assertThat(expected.healthPaths()).contains("/actuator/health/liveness", "/actuator/health/readiness");
        assertThat(expected.livePath()).isEqualTo("/api/v1/live");
        assertThat(expected.java()).isEqualTo("/opt/java/bin/java");
        assertThat(expected.agentVariables()).contains("BENCHDECK_AGENT_TOKEN");
        assertThat(expected.cliCommands()).contains("run", "agent");
        assertThat(kubernetes).extracting(Manifest::kind)
                .contains("Kustomization", "Deployment", "Service", "Ingress", "Secret", "Namespace");
    }

    @Test
    void serverSettingsFollowSpringsRelaxedBinding() {
        ServerSettings settings = expected.serverSettings();
        assertThat(settings.reads("SERVER_PORT")).isTrue();
        assertThat(settings.reads("SERVER_FORWARD_HEADERS_STRATEGY")).isTrue();
        assertThat(settings.reads("BENCHDECK_SECURITY_ALLOWED_HOSTS")).as("a list of @ConfigurationProperties").isTrue();
        assertThat(settings.reads("BENCHDECK_SECURITY_SIGN_IN_FREE_FAILURES")).as("a nested record's component").isTrue();
        assertThat(settings.reads("BENCHDECK_DEMO_GATEWAY_PORT")).as("an @Value placeholder").isTrue();
        assertThat(settings.reads("BENCHDECK_SECRET_KEY")).as("read by its environment name").isTrue();
        assertThat(settings.reads("BENCHDECK_DATABASE_URL")).isTrue();
        assertThat(settings.reads("BENCHDECK_SECURITY_ALLOWED_HOST")).isFalse();
        assertThat(settings.reads("BENCHDECK_DATABASE_HOST")).isFalse();
    }

    @Test
    void theKubernetesManifestsReferenceWhatExists() {
        assertThat(ManifestCheck.kubernetes(expected, kubernetes, kubernetesFiles)).isEmpty();
    }

    @Test
    void theComposeFileReferencesWhatExists() {
        assertThat(ManifestCheck.compose(expected, "compose.yaml", compose)).isEmpty();
    }

    static Stream<Arguments> spoiltKubernetes() {
        return Stream.of(
                spoilt("server-deployment.yaml", "a wrong container port", "containerPort 8081",
                        d -> port(d).put("containerPort", 8081)),
                spoilt("server-deployment.yaml", "a variable the server does not read", "BENCHDECK_SECURITY_ALLOWED_HOST,",
                        d -> env(d).addObject().put("name", "BENCHDECK_SECURITY_ALLOWED_HOST").put("value", "x")),
                spoilt("server-deployment.yaml", "a probe on a path that is not enabled", "/actuator/health/ready",
                        d -> probe(d, "readinessProbe").put("path", "/actuator/health/ready")),
                spoilt("server-deployment.yaml", "a probe whose Host gets 421", "sends Host (the pod's IP)",
                        d -> probe(d, "livenessProbe").remove("httpHeaders")),
                spoilt("server-deployment.yaml", "a Secret key that is not there", "key passwd of Secret benchdeck-database",
                        d -> ((ObjectNode) env(d).get(2).at("/valueFrom/secretKeyRef")).put("key", "passwd")),
                spoilt("server-deployment.yaml", "an image of another name", "image benchdeck:latest",
                        d -> container(d).put("image", "benchdeck:latest")),
                spoilt("server-service.yaml", "a Service that selects no pods", "selects no Deployment's pods",
                        d -> ((ObjectNode) d.at("/spec/selector")).put("app.kubernetes.io/component", "servers")),
                spoilt("server-ingress.yaml", "an Ingress to a port the Service lacks", "which it does not have",
                        d -> ((ObjectNode) d.at("/spec/rules/0/http/paths/0/backend/service/port")).put("name", "https")),
                spoilt("agent-deployment.yaml", "agents calling a server that is not there", "names benchdeck, which is not",
                        d -> ((ArrayNode) container(d).get("args")).set(2, "http://benchdeck:8080")),
                spoilt("kustomization.yaml", "a resource the directory lacks", "lists pdb.yaml",
                        d -> ((ArrayNode) d.get("resources")).add("pdb.yaml")));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("spoiltKubernetes")
    void theCheckerCatchesMistakesInKubernetesManifests(String file, String mistake, String problem, Consumer<ObjectNode> spoil) {
        List<Manifest> copy = new ArrayList<>();
        for (Manifest manifest : kubernetes) {
            ObjectNode document = manifest.document().deepCopy();
            if (manifest.file().equals(file)) {
                spoil.accept(document);
            }
            copy.add(new Manifest(manifest.file(), document));
        }
        assertThat(ManifestCheck.kubernetes(expected, copy, kubernetesFiles)).as(mistake).anyMatch(line -> line.contains(problem));
    }

    static Stream<Arguments> spoiltCompose() {
        return Stream.of(
                Arguments.of("a published port the server does not listen on", "publishes container port 9090",
                        (Consumer<ObjectNode>) c -> ((ArrayNode) c.at("/services/server/ports")).set(0, "127.0.0.1:8080:9090")),
                Arguments.of("agents calling a host the server refuses", "answers Host server with 421",
                        (Consumer<ObjectNode>) c -> ((ObjectNode) c.at("/services/server/environment")).remove("BENCHDECK_SECURITY_ALLOWED_HOSTS")),
                Arguments.of("agents without a token", "no token",
                        (Consumer<ObjectNode>) c -> ((ObjectNode) c.at("/services/agent-1/environment")).remove("BENCHDECK_AGENT_TOKEN")),
                Arguments.of("a database host that is no service", "names host db",
                        (Consumer<ObjectNode>) c -> ((ObjectNode) c.at("/services/server/environment"))
                                .put("BENCHDECK_DATABASE_URL", "jdbc:postgresql://db:5432/benchdeck")),
                Arguments.of("an older image", "image benchdeck:0.0.9",
                        (Consumer<ObjectNode>) c -> ((ObjectNode) c.at("/services/agent-2")).put("image", "benchdeck:0.0.9")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spoiltCompose")
    void theCheckerCatchesMistakesInTheComposeFile(String mistake, String problem, Consumer<ObjectNode> spoil) {
        ObjectNode copy = compose.deepCopy();
        spoil.accept(copy);
        assertThat(ManifestCheck.compose(expected, "compose.yaml", copy)).as(mistake).anyMatch(line -> line.contains(problem));
    }

    private static Arguments spoilt(String file, String mistake, String problem, Consumer<ObjectNode> spoil) {
        return Arguments.of(file, mistake, problem, spoil);
    }

    private static ObjectNode container(ObjectNode deployment) {
        return (ObjectNode) deployment.at("/spec/template/spec/containers/0");
    }

    private static ObjectNode port(ObjectNode deployment) {
        return (ObjectNode) container(deployment).at("/ports/0");
    }

    private static ArrayNode env(ObjectNode deployment) {
        return (ArrayNode) container(deployment).get("env");
    }

    private static ObjectNode probe(ObjectNode deployment, String probe) {
        return (ObjectNode) container(deployment).at("/" + probe + "/httpGet");
    }

    // --- what the manifests must agree with

    private static Document imagePom() throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(DEPLOY.resolve("image/pom.xml").toFile());
    }

    private static String pomProperty(String name) throws Exception {
        Element properties = (Element) imagePom().getDocumentElement().getElementsByTagName("properties").item(0);
        return properties.getElementsByTagName(name).item(0).getTextContent().strip();
    }

    /** The image's name as Jib gets it: image.name with the project's version (the parent's) in it. */
    private static String imageFromPom() throws Exception {
        Element parent = (Element) imagePom().getDocumentElement().getElementsByTagName("parent").item(0);
        String version = parent.getElementsByTagName("version").item(0).getTextContent().strip();
        return pomProperty("image.name").replace("${project.version}", version);
    }

    private static List<String> imageEntrypoint() throws Exception {
        Element entrypoint = (Element) imagePom().getElementsByTagName("entrypoint").item(0);
        List<String> args = new ArrayList<>();
        for (int i = 0; i < entrypoint.getElementsByTagName("arg").getLength(); i++) {
            args.add(entrypoint.getElementsByTagName("arg").item(i).getTextContent().strip());
        }
        return args;
    }

    /** Health and its groups under the actuator's base path, as application.yaml enables them (probes: liveness, readiness). */
    private static Set<String> healthPaths(JsonNode application) {
        JsonNode management = application.path("management");
        String base = management.at("/endpoints/web/base-path").asText("/actuator");
        Set<String> paths = new LinkedHashSet<>();
        if (!management.at("/endpoints/web/exposure/include").asText().matches("(.*[ ,])?(health|\\*)([ ,].*)?")) {
            return paths;
        }
        paths.add(base + "/health");
        JsonNode health = management.at("/endpoint/health");
        if (health.at("/probes/enabled").asBoolean(false)) {
            paths.add(base + "/health/liveness");
            paths.add(base + "/health/readiness");
        }
        health.path("group").fieldNames().forEachRemaining(group -> paths.add(base + "/health/" + group));
        return paths;
    }

    private static String livePath() throws IOException {
        String source = Files.readString(Path.of("src/main/java/dev/benchdeck/server/live/LiveSocketConfiguration.java"));
        Matcher handler = Pattern.compile("addHandler\\(\\w+, \"([^\"]+)\"").matcher(source);
        assertThat(handler.find()).as("the live feed's handler in LiveSocketConfiguration").isTrue();
        return handler.group(1);
    }

    private static Set<String> cliSourceNames(Pattern pattern) throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("..", "cli", "src", "main", "java"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher matcher = pattern.matcher(Files.readString(file));
                while (matcher.find()) {
                    names.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
                }
            }
        }
        return names;
    }
}
