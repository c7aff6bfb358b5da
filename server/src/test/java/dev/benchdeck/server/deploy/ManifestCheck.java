package dev.benchdeck.server.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that deploy/kubernetes and deploy/compose.yaml reference what exists: the image deploy/image builds, the
 * server's port, settings the server reads, enabled health paths, Secrets and keys, Services that select pods, an
 * Ingress that reaches a Service and the live feed, agents that reach the server by a name it answers to. Each
 * problem is one line naming the file and the thing.
 */
final class ManifestCheck {

    /** What the manifests must agree with, read from the image's pom, the server's configuration and the sources. */
    record Expectations(String image, int serverPort, Set<String> healthPaths, String livePath, String java, String cliJar,
                        ServerSettings serverSettings, Set<String> agentVariables, Set<String> cliCommands) {
    }

    /** One YAML document of a manifest file. */
    record Manifest(String file, JsonNode document) {

        String kind() {
            return document.path("kind").asText();
        }

        String name() {
            return document.at("/metadata/name").asText();
        }
    }

    private static final String AGENT_TOKEN = "BENCHDECK_AGENT_TOKEN";
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private final Expectations expected;
    private final List<String> problems = new ArrayList<>();

    private ManifestCheck(Expectations expected) {
        this.expected = expected;
    }

    static List<String> kubernetes(Expectations expected, List<Manifest> manifests, Set<String> files) {
        ManifestCheck check = new ManifestCheck(expected);
        check.checkKubernetes(manifests, files);
        return check.problems;
    }

    static List<String> compose(Expectations expected, String file, JsonNode compose) {
        ManifestCheck check = new ManifestCheck(expected);
        check.checkCompose(file, compose);
        return check.problems;
    }

    // --- Kubernetes

    private void checkKubernetes(List<Manifest> manifests, Set<String> files) {
        Map<String, Set<String>> secrets = new LinkedHashMap<>();
        Map<String, Manifest> services = new LinkedHashMap<>();
        List<Manifest> deployments = new ArrayList<>();
        for (Manifest m : manifests) {
            if (m.kind().isEmpty() || m.document().path("apiVersion").asText().isEmpty()) {
                problems.add(m.file() + ": a document without apiVersion or kind");
                continue;
            }
            if (!m.kind().equals("Kustomization") && m.name().isEmpty()) {
                problems.add(m.file() + ": a " + m.kind() + " without metadata.name");
            }
            switch (m.kind()) {
                case "Secret" -> secrets.put(m.name(), keys(m.document()));
                case "Service" -> services.put(m.name(), m);
                case "Deployment" -> deployments.add(m);
                case "Kustomization" -> checkKustomization(m, files);
                default -> { }
            }
        }
        Set<String> serverHosts = new LinkedHashSet<>(LOOPBACK);
        for (Manifest deployment : deployments) {
            checkDeployment(deployment, secrets);
            for (JsonNode container : containers(deployment)) {
                if (role(container.path("command")) == Role.SERVER) {
                    serverHosts.addAll(allowedHosts(env(container)));
                }
            }
        }
        Map<String, Integer> serverServices = new LinkedHashMap<>();
        for (Manifest service : services.values()) {
            checkService(service, deployments, serverServices);
        }
        for (Manifest deployment : deployments) {
            for (JsonNode container : containers(deployment)) {
                if (role(container.path("command")) == Role.AGENT) {
                    checkAgent(deployment.file() + ": container " + container.path("name").asText(), container.path("command"),
                            container.path("args"), env(container).keySet(), serverServices, serverHosts);
                }
            }
        }
        manifests.stream().filter(m -> m.kind().equals("Ingress")).forEach(ingress -> checkIngress(ingress, services));
    }

    private void checkKustomization(Manifest kustomization, Set<String> files) {
        Set<String> listed = new LinkedHashSet<>();
        kustomization.document().path("resources").forEach(resource -> listed.add(resource.asText()));
        Set<String> others = new LinkedHashSet<>(files);
        others.remove(kustomization.file());
        for (String file : listed) {
            if (!others.contains(file)) {
                problems.add(kustomization.file() + ": resources lists " + file + ", which is not in the directory");
            }
        }
        for (String file : others) {
            if (!listed.contains(file)) {
                problems.add(kustomization.file() + ": resources does not list " + file);
            }
        }
        for (JsonNode image : kustomization.document().path("images")) {
            if (!image.path("name").asText().equals(repository(expected.image()))) {
                problems.add(kustomization.file() + ": images names " + image.path("name").asText() + ", but the image is "
                        + repository(expected.image()));
            }
            if (image.has("newTag") && !image.path("newTag").asText().equals(tag(expected.image()))) {
                problems.add(kustomization.file() + ": images sets newTag " + image.path("newTag").asText() + ", but deploy/image builds "
                        + expected.image());
            }
        }
    }

    private void checkDeployment(Manifest deployment, Map<String, Set<String>> secrets) {
        String where = deployment.file() + ": Deployment " + deployment.name();
        JsonNode spec = deployment.document().path("spec");
        if (!spec.path("replicas").canConvertToInt() || spec.path("replicas").asInt() < 1) {
            problems.add(where + ": replicas must be a number of at least 1");
        }
        Map<String, String> labels = strings(spec.at("/template/metadata/labels"));
        Map<String, String> selector = strings(spec.at("/selector/matchLabels"));
        if (selector.isEmpty() || !labels.entrySet().containsAll(selector.entrySet())) {
            problems.add(where + ": selector " + selector + " does not select its pods' labels " + labels);
        }
        for (JsonNode container : containers(deployment)) {
            String at = where + ": container " + container.path("name").asText();
            if (!container.path("image").asText().equals(expected.image())) {
                problems.add(at + ": image " + container.path("image").asText() + ", but deploy/image builds " + expected.image());
            }
            for (JsonNode variable : container.path("env")) {
                JsonNode ref = variable.at("/valueFrom/secretKeyRef");
                if (!ref.isMissingNode()) {
                    String secret = ref.path("name").asText();
                    if (!secrets.containsKey(secret)) {
                        problems.add(at + ": " + variable.path("name").asText() + " refers to Secret " + secret + ", which no manifest defines");
                    } else if (!secrets.get(secret).contains(ref.path("key").asText())) {
                        problems.add(at + ": " + variable.path("name").asText() + " refers to key " + ref.path("key").asText()
                                + " of Secret " + secret + ", which has only " + secrets.get(secret));
                    }
                }
            }
            for (JsonNode from : container.path("envFrom")) {
                String secret = from.at("/secretRef/name").asText();
                if (!secret.isEmpty() && !secrets.containsKey(secret)) {
                    problems.add(at + ": envFrom refers to Secret " + secret + ", which no manifest defines");
                }
            }
            switch (role(container.path("command"))) {
                case SERVER -> checkServerContainer(at, container);
                case AGENT -> { } // once every Service is known
                case UNKNOWN -> problems.add(at + ": its command is neither the image's entrypoint (the server) nor the CLI ("
                        + expected.cliJar() + ")");
            }
        }
    }

    private void checkServerContainer(String at, JsonNode container) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (JsonNode port : container.path("ports")) {
            ports.put(port.path("name").asText(String.valueOf(port.path("containerPort").asInt())), port.path("containerPort").asInt());
            if (port.path("containerPort").asInt() != expected.serverPort()) {
                problems.add(at + ": containerPort " + port.path("containerPort").asText() + ", but the server listens on " + expected.serverPort());
            }
        }
        if (ports.isEmpty()) {
            problems.add(at + ": no containerPort (the server listens on " + expected.serverPort() + ")");
        }
        Map<String, String> env = env(container);
        checkServerVariables(at, env.keySet());
        Set<String> hosts = new LinkedHashSet<>(LOOPBACK);
        hosts.addAll(allowedHosts(env));
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            JsonNode http = container.path(probe).path("httpGet");
            if (container.path(probe).isMissingNode()) {
                if (!probe.equals("startupProbe")) {
                    problems.add(at + ": no " + probe);
                }
                continue;
            }
            String path = http.path("path").asText();
            if (!expected.healthPaths().contains(path)) {
                problems.add(at + ": " + probe + " asks " + path + ", which is not an enabled health path " + expected.healthPaths());
            }
            JsonNode port = http.path("port");
            Integer number = port.isInt() ? Integer.valueOf(port.asInt()) : ports.get(port.asText());
            if (number == null || number != expected.serverPort()) {
                problems.add(at + ": " + probe + " asks port " + port.asText() + ", not the server's " + expected.serverPort());
            }
            String host = null;
            for (JsonNode header : http.path("httpHeaders")) {
                if (header.path("name").asText().equalsIgnoreCase("Host")) {
                    host = header.path("value").asText();
                }
            }
            if (host == null || !hosts.contains(host.toLowerCase(java.util.Locale.ROOT))) {
                problems.add(at + ": " + probe + " sends Host " + (host == null ? "(the pod's IP)" : host)
                        + ", which the server answers with 421; send one of " + hosts);
            }
        }
    }

    private void checkService(Manifest service, List<Manifest> deployments, Map<String, Integer> serverServices) {
        String where = service.file() + ": Service " + service.name();
        Map<String, String> selector = strings(service.document().at("/spec/selector"));
        List<JsonNode> selected = new ArrayList<>();
        boolean server = false;
        for (Manifest deployment : deployments) {
            Map<String, String> labels = strings(deployment.document().at("/spec/template/metadata/labels"));
            if (!selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet())) {
                for (JsonNode container : containers(deployment)) {
                    selected.add(container);
                    server |= role(container.path("command")) == Role.SERVER;
                }
            }
        }
        if (selected.isEmpty()) {
            problems.add(where + ": selector " + selector + " selects no Deployment's pods");
            return;
        }
        for (JsonNode port : service.document().at("/spec/ports")) {
            JsonNode target = port.has("targetPort") ? port.path("targetPort") : port.path("port");
            boolean found = selected.stream().flatMap(container -> stream(container.path("ports")))
                    .anyMatch(p -> target.isInt() ? p.path("containerPort").asInt() == target.asInt() : p.path("name").asText().equals(target.asText()));
            if (!found) {
                problems.add(where + ": targetPort " + target.asText() + " is no port of the pods it selects");
            } else if (server) {
                serverServices.put(service.name(), port.path("port").asInt());
            }
        }
    }

    private void checkIngress(Manifest ingress, Map<String, Manifest> services) {
        String where = ingress.file() + ": Ingress " + ingress.name();
        boolean live = false;
        for (JsonNode rule : ingress.document().at("/spec/rules")) {
            for (JsonNode path : rule.at("/http/paths")) {
                JsonNode backend = path.at("/backend/service");
                Manifest service = services.get(backend.path("name").asText());
                if (service == null) {
                    problems.add(where + ": a path goes to Service " + backend.path("name").asText() + ", which no manifest defines");
                    continue;
                }
                JsonNode port = backend.path("port");
                boolean found = stream(service.document().at("/spec/ports")).anyMatch(p -> port.has("number")
                        ? p.path("port").asInt() == port.path("number").asInt() : p.path("name").asText().equals(port.path("name").asText()));
                if (!found) {
                    problems.add(where + ": a path goes to port " + port + " of Service " + service.name() + ", which it does not have");
                }
                String prefix = path.path("path").asText();
                live |= path.path("pathType").asText().equals("Prefix")
                        && (prefix.equals("/") || expected.livePath().equals(prefix) || expected.livePath().startsWith(prefix.replaceFirst("/?$", "/")));
            }
        }
        if (!live) {
            problems.add(where + ": no Prefix path reaches the live feed's WebSocket " + expected.livePath());
        }
    }

    // --- Compose

    private void checkCompose(String file, JsonNode compose) {
        JsonNode services = compose.path("services");
        Set<String> names = new HashSet<>();
        services.fieldNames().forEachRemaining(names::add);
        Map<String, Integer> serverServices = new LinkedHashMap<>();
        Set<String> serverHosts = new LinkedHashSet<>(LOOPBACK);
        for (Map.Entry<String, JsonNode> entry : services.properties()) {
            String at = file + ": service " + entry.getKey();
            JsonNode service = entry.getValue();
            String image = service.path("image").asText();
            if (repository(image).equals(repository(expected.image())) && !image.equals(expected.image())) {
                problems.add(at + ": image " + image + ", but deploy/image builds " + expected.image());
            }
            JsonNode dependsOn = service.path("depends_on");
            for (String dependency : dependsOn.isArray() ? stream(dependsOn).map(JsonNode::asText).toList() : fieldNames(dependsOn)) {
                if (!names.contains(dependency)) {
                    problems.add(at + ": depends on " + dependency + ", which is no service");
                }
            }
            if (!image.equals(expected.image()) || role(service.path("entrypoint")) != Role.SERVER) {
                continue;
            }
            Map<String, String> env = composeEnv(service.path("environment"));
            checkServerVariables(at, env.keySet());
            serverHosts.addAll(allowedHosts(env));
            String database = env.getOrDefault("BENCHDECK_DATABASE_URL", "");
            if (!database.isEmpty()) {
                String host = URI.create(database.replaceFirst("^jdbc:", "")).getHost();
                if (!names.contains(host)) {
                    problems.add(at + ": BENCHDECK_DATABASE_URL names host " + host + ", which is no service");
                }
            }
            for (JsonNode port : service.path("ports")) {
                String[] parts = port.asText().replaceFirst("/tcp$", "").split(":");
                if (Integer.parseInt(parts[parts.length - 1]) != expected.serverPort()) {
                    problems.add(at + ": publishes container port " + parts[parts.length - 1] + ", but the server listens on " + expected.serverPort());
                }
            }
            serverServices.put(entry.getKey(), expected.serverPort());
        }
        if (serverServices.isEmpty()) {
            problems.add(file + ": no service runs the server (image " + expected.image() + " with its own entrypoint)");
        }
        for (Map.Entry<String, JsonNode> entry : services.properties()) {
            JsonNode service = entry.getValue();
            if (service.path("image").asText().equals(expected.image()) && role(service.path("entrypoint")) == Role.AGENT) {
                checkAgent(file + ": service " + entry.getKey(), service.path("entrypoint"), service.path("command"),
                        composeEnv(service.path("environment")).keySet(), serverServices, serverHosts);
            } else if (service.path("image").asText().equals(expected.image()) && role(service.path("entrypoint")) == Role.UNKNOWN) {
                problems.add(file + ": service " + entry.getKey() + ": its entrypoint is neither the image's (the server) nor the CLI");
            }
        }
    }

    // --- both

    private void checkServerVariables(String at, Set<String> variables) {
        for (String variable : variables) {
            if (!expected.serverSettings().reads(variable)) {
                problems.add(at + ": sets " + variable + ", which is no setting the server reads");
            }
        }
    }

    /** An agent: the image's java running the CLI's {@code agent --server URL}, URL a server's Service it may call by that name. */
    private void checkAgent(String at, JsonNode command, JsonNode args, Set<String> variables, Map<String, Integer> serverServices,
                            Set<String> serverHosts) {
        List<String> java = stream(command).map(JsonNode::asText).toList();
        if (java.isEmpty() || !java.getFirst().equals(expected.java())) {
            problems.add(at + ": runs " + (java.isEmpty() ? "nothing" : java.getFirst()) + ", not the image's " + expected.java());
        }
        List<String> arguments = stream(args).map(JsonNode::asText).toList();
        if (arguments.isEmpty() || !arguments.getFirst().equals("agent")) {
            problems.add(at + ": the CLI's command is " + arguments + ", not agent");
            return;
        }
        if (!expected.cliCommands().contains("agent")) {
            problems.add(at + ": runs the CLI's agent command, which the CLI does not have (it has " + expected.cliCommands() + ")");
        }
        String server = null;
        for (int i = 1; i < arguments.size(); i++) {
            if (arguments.get(i).startsWith("--server=")) {
                server = arguments.get(i).substring("--server=".length());
            } else if (arguments.get(i).equals("--server") && i + 1 < arguments.size()) {
                server = arguments.get(i + 1);
            }
        }
        if (server == null) {
            problems.add(at + ": agent without --server");
        } else {
            URI uri = URI.create(server);
            Integer port = serverServices.get(uri.getHost());
            if (port == null) {
                problems.add(at + ": --server " + server + " names " + uri.getHost() + ", which is not the server's service " + serverServices.keySet());
            } else if (uri.getPort() != port) {
                problems.add(at + ": --server " + server + " asks port " + uri.getPort() + ", but the server's service has " + port);
            }
            if (!serverHosts.contains(uri.getHost())) {
                problems.add(at + ": --server " + server + ": the server answers Host " + uri.getHost() + " with 421; add it to "
                        + "BENCHDECK_SECURITY_ALLOWED_HOSTS (it allows " + serverHosts + ")");
            }
        }
        for (String variable : variables) {
            if (!expected.agentVariables().contains(variable)) {
                problems.add(at + ": sets " + variable + ", which the CLI does not read (it reads " + expected.agentVariables() + ")");
            }
        }
        if (!variables.contains(AGENT_TOKEN) && !arguments.contains("--token") && arguments.stream().noneMatch(a -> a.startsWith("--token="))) {
            problems.add(at + ": no token: neither " + AGENT_TOKEN + " nor --token");
        }
    }

    private enum Role { SERVER, AGENT, UNKNOWN }

    /** The server runs the image's own entrypoint; an agent replaces it by java -jar with the CLI. */
    private Role role(JsonNode command) {
        if (command.isMissingNode() || command.isNull()) {
            return Role.SERVER;
        }
        List<String> words = stream(command).map(JsonNode::asText).toList();
        int jar = words.indexOf("-jar");
        return jar >= 0 && jar + 1 < words.size() && words.get(jar + 1).equals(expected.cliJar()) ? Role.AGENT : Role.UNKNOWN;
    }

    /** The hosts the server answers to besides loopback: the allowed hosts and the public address's host (HostCheck). */
    private static Set<String> allowedHosts(Map<String, String> env) {
        Set<String> hosts = new LinkedHashSet<>();
        for (String host : env.getOrDefault("BENCHDECK_SECURITY_ALLOWED_HOSTS", "").split(",")) {
            if (!host.isBlank()) {
                hosts.add(host.strip().toLowerCase(java.util.Locale.ROOT));
            }
        }
        String publicAddress = env.getOrDefault("BENCHDECK_SECURITY_PUBLIC_ADDRESS", "").strip();
        if (!publicAddress.isEmpty()) {
            hosts.add((publicAddress.contains("://") ? URI.create(publicAddress).getHost() : publicAddress.replaceFirst(":\\d+$", ""))
                    .toLowerCase(java.util.Locale.ROOT));
        }
        return hosts;
    }

    private static List<JsonNode> containers(Manifest deployment) {
        return stream(deployment.document().at("/spec/template/spec/containers")).toList();
    }

    /** A container's variables: literal values, and "" for those from a Secret or elsewhere. */
    private static Map<String, String> env(JsonNode container) {
        Map<String, String> env = new LinkedHashMap<>();
        container.path("env").forEach(variable -> env.put(variable.path("name").asText(), variable.path("value").asText("")));
        return env;
    }

    private static Map<String, String> composeEnv(JsonNode environment) {
        Map<String, String> env = new LinkedHashMap<>();
        if (environment.isArray()) {
            environment.forEach(pair -> {
                String[] parts = pair.asText().split("=", 2);
                env.put(parts[0], parts.length > 1 ? parts[1] : "");
            });
        } else {
            environment.properties().forEach(field -> env.put(field.getKey(), field.getValue().asText()));
        }
        return env;
    }

    private static Set<String> keys(JsonNode secret) {
        Set<String> keys = new LinkedHashSet<>(fieldNames(secret.path("data")));
        keys.addAll(fieldNames(secret.path("stringData")));
        return keys;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        object.properties().forEach(field -> values.put(field.getKey(), field.getValue().asText()));
        return values;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }

    static String repository(String image) {
        int colon = image.lastIndexOf(':');
        return colon > image.lastIndexOf('/') ? image.substring(0, colon) : image;
    }

    static String tag(String image) {
        int colon = image.lastIndexOf(':');
        return colon > image.lastIndexOf('/') ? image.substring(colon + 1) : "latest";
    }
}
