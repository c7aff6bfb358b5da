package dev.benchdeck.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.benchdeck.image.ImageTarball.ImageFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.jar.JarInputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The image tarball that {@code package} built (deploy/image/pom.xml): its config (entrypoint, user, port) and the files
 * of its layers (the Java runtime, the C library it needs, the server with the dashboard, the CLI). A missing tarball
 * fails the test: it is built by the same Maven run, before the tests of this module.
 */
class ImageTarballTest {

    static final Path TARBALL = Path.of(System.getProperty("image.tar", "target/benchdeck-image.tar"));
    static final String SERVER_JAR = "opt/benchdeck/server/benchdeck-server.jar";
    static final String CLI_JAR = System.getProperty("image.cli.jar", "/opt/benchdeck/benchdeck.jar").substring(1);
    private static final Pattern UI_JAR = Pattern.compile("opt/benchdeck/server/lib/benchdeck-ui-.*\\.jar");

    static ImageTarball image;

    @BeforeAll
    static void readTheTarball() throws IOException {
        assertThat(TARBALL).as("the image tarball; build it with ./mvnw -B -pl deploy/image -am package").isRegularFile();
        image = ImageTarball.read(TARBALL, path -> path.startsWith("etc/") || path.equals("opt/java/release")
                || path.equals(CLI_JAR) || UI_JAR.matcher(path).matches());
    }

    @Test
    void theImageIsTaggedWithTheNameThePomGivesIt() {
        assertThat(image.manifest().get(0).get("RepoTags")).extracting(JsonNode::asText)
                .containsExactly(System.getProperty("image.name", "benchdeck:0.1.0-SNAPSHOT"));
    }

    @Test
    void theEntrypointStartsTheServerOnTheImagesOwnJava() {
        List<String> entrypoint = strings(image.config().at("/config/Entrypoint"));
        assertThat(entrypoint).containsExactly("/opt/java/bin/java", "-XX:MaxRAMPercentage=75", "-jar", "/" + SERVER_JAR);
        assertThat(file(entrypoint.getFirst().substring(1)).executableByAll()).as("java is executable").isTrue();
        assertThat(image.config().at("/config/Cmd").isMissingNode() || image.config().at("/config/Cmd").isNull())
                .as("no default arguments: the server's own defaults apply").isTrue();
    }

    @Test
    void itRunsAsANonRootUserThatPasswdKnows() {
        String user = image.config().at("/config/User").asText();
        assertThat(user).matches("\\d+:\\d+");
        int uid = Integer.parseInt(user.split(":")[0]);
        assertThat(uid).isNotZero();
        String home = env().get("HOME");
        assertThat(image.text("etc/passwd").lines()).anyMatch(line -> line.equals("benchdeck:x:" + uid + ":" + user.split(":")[1]
                + ":Benchdeck:" + home + ":/sbin/nologin"));
        assertThat(image.config().at("/config/WorkingDir").asText()).isEqualTo(home);
        // the user owns nothing in the image (Jib makes every file root's), so what it writes to must be writable by all
        for (String dir : List.of("tmp", home.substring(1), env().get("BENCHDECK_DATA_DIR").substring(1))) {
            assertThat(file(dir).directory()).as(dir).isTrue();
            assertThat(file(dir).writableByAll()).as(dir + " writable").isTrue();
        }
    }

    @Test
    void itExposesThePortTheServerListensOn() throws IOException {
        JsonNode yaml = new ObjectMapper(new YAMLFactory()).readTree(Path.of("../../server/src/main/resources/application.yaml").toFile());
        int port = yaml.at("/server/port").asInt();
        assertThat(port).isPositive();
        assertThat(fieldNames(image.config().at("/config/ExposedPorts"))).containsExactly(port + "/tcp");
    }

    @Test
    void theJavaRuntimeIsJava21OrNewerWithTheModulesTheServerNeeds() {
        String release = image.text("opt/java/release");
        Matcher version = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)").matcher(release);
        assertThat(version.find()).as(release).isTrue();
        assertThat(Integer.parseInt(version.group(1))).isGreaterThanOrEqualTo(21);
        Matcher modules = Pattern.compile("(?m)^MODULES=\"([^\"]*)\"").matcher(release);
        assertThat(modules.find()).isTrue();
        assertThat(Arrays.asList(modules.group(1).split(" ")))
                .contains("java.base", "java.sql", "java.net.http", "java.naming", "java.management", "jdk.unsupported", "jdk.httpserver");
        assertThat(image.files()).containsKeys("opt/java/lib/modules", "opt/java/lib/server/libjvm.so", "opt/java/lib/security/cacerts");
        assertThat(file("opt/java/lib/jspawnhelper").executableByAll()).as("jspawnhelper starts child processes").isTrue();
    }

    @Test
    void theCLibraryAndLoaderTheRuntimeLinksAgainstAreThere() {
        assertThat(image.files()).containsKeys("lib64/ld-linux-x86-64.so.2", "lib/x86_64-linux-gnu/libc.so.6",
                "lib/x86_64-linux-gnu/libm.so.6");
    }

    @Test
    void theServerIsThereWithItsLibrariesAndTheDashboard() throws IOException {
        assertThat(image.files()).containsKey(SERVER_JAR);
        List<String> libraries = image.files().keySet().stream().filter(path -> path.startsWith("opt/benchdeck/server/lib/")).toList();
        assertThat(libraries).anyMatch(path -> path.contains("/spring-boot-4")).anyMatch(path -> path.contains("/benchdeck-engine-"))
                .anyMatch(path -> path.contains("/postgresql-"));
        String uiJar = libraries.stream().filter(path -> UI_JAR.matcher(path).matches()).findFirst().orElseThrow();
        assertThat(jarEntries(uiJar)).contains("META-INF/resources/index.html").anyMatch(name -> name.startsWith("META-INF/resources/assets/"));
    }

    @Test
    void theCliIsThereForAgents() throws IOException {
        try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(file(CLI_JAR).content()))) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("dev.benchdeck.cli.BenchdeckCommand");
        }
    }

    static Map<String, String> env() {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        image.config().at("/config/Env").forEach(entry -> {
            String[] pair = entry.asText().split("=", 2);
            env.put(pair[0], pair[1]);
        });
        return env;
    }

    private static ImageFile file(String path) {
        ImageFile file = image.files().get(path);
        assertThat(file).as("/" + path + " in the image").isNotNull();
        return file;
    }

    private static List<String> jarEntries(String path) throws IOException {
        List<String> names = new ArrayList<>();
        try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(file(path).content()))) {
            for (ZipEntry entry; (entry = jar.getNextEntry()) != null; ) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
