package dev.benchdeck.server.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * The settings the server reads, so that an environment variable in a manifest can be told to be one of them: the
 * keys of its application.yaml, the components of its {@code @ConfigurationProperties} records, the properties its
 * code names ({@code @Value("${…}")}, {@code @ConditionalOnProperty}, {@code getProperty("…")}), Spring Boot's own
 * (its configuration metadata), and the environment names the code reads as they are ({@code BENCHDECK_SECRET_KEY}).
 * A variable matches a property by Spring's relaxed binding: the check asks Spring's own environment source.
 */
final class ServerSettings {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-zA-Z][a-zA-Z0-9._\\-]*)");
    private static final Pattern NAMED = Pattern.compile(
            "(?:getProperty|getRequiredProperty|containsProperty|@ConditionalOnProperty)\\(\\s*(?:name\\s*=\\s*)?\"([^\"]+)\"");

    private final Set<ConfigurationPropertyName> properties = new HashSet<>();
    /** Maps and lists: any name below one of them is a setting (BENCHDECK_SECURITY_OIDC_ROLES_…). */
    private final Set<ConfigurationPropertyName> families = new HashSet<>();
    private final Set<String> environmentNames = new HashSet<>();

    static ServerSettings of(JsonNode applicationYaml, Path mainSources) throws IOException {
        ServerSettings settings = new ServerSettings();
        settings.addYaml("", applicationYaml);
        settings.addConfigurationProperties("dev.benchdeck.server");
        settings.addNamesInSources(mainSources);
        settings.addSpringBootMetadata();
        return settings;
    }

    /** Whether the server reads this environment variable, by its name or as a property by relaxed binding. */
    boolean reads(String variable) {
        if (environmentNames.contains(variable)) {
            return true;
        }
        ConfigurationPropertySource source = ConfigurationPropertySource.from(
                new SystemEnvironmentPropertySource("manifest", Map.of(variable, "value")));
        return properties.stream().anyMatch(name -> source.getConfigurationProperty(name) != null)
                || families.stream().anyMatch(name -> source.containsDescendantOf(name) == ConfigurationPropertyState.PRESENT);
    }

    private void addYaml(String prefix, JsonNode node) {
        if (node.isObject()) {
            node.properties().forEach(field -> addYaml(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue()));
        } else {
            add(prefix, node.isArray());
        }
    }

    private void addConfigurationProperties(String basePackage) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
            Class<?> type;
            try {
                type = Class.forName(candidate.getBeanClassName());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
            if (!type.isRecord()) {
                throw new IllegalStateException(type.getName() + ": this check reads only records' components");
            }
            addRecord(prefix, type);
        }
    }

    private void addRecord(String prefix, Class<?> type) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "." + kebab(component.getName());
            Class<?> componentType = component.getType();
            if (componentType.isRecord()) {
                addRecord(name, componentType);
            } else {
                add(name, Map.class.isAssignableFrom(componentType) || Collection.class.isAssignableFrom(componentType)
                        || componentType.isArray());
            }
        }
    }

    private void addNamesInSources(Path mainSources) throws IOException {
        try (Stream<Path> files = Files.walk(mainSources)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                for (Pattern pattern : new Pattern[] {PLACEHOLDER, NAMED}) {
                    Matcher names = pattern.matcher(source);
                    while (names.find()) {
                        String name = names.group(1);
                        if (name.equals(name.toUpperCase(java.util.Locale.ROOT))) {
                            environmentNames.add(name);
                        } else {
                            add(name, false);
                        }
                    }
                }
            }
        }
    }

    private void addSpringBootMetadata() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Enumeration<URL> files = getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json");
        while (files.hasMoreElements()) {
            try (InputStream in = files.nextElement().openStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    String type = property.path("type").asText("");
                    add(property.path("name").asText(), type.startsWith("java.util.Map") || type.startsWith("java.util.List")
                            || type.startsWith("java.util.Set") || type.endsWith("[]"));
                }
            }
        }
    }

    private void add(String name, boolean family) {
        if (!ConfigurationPropertyName.isValid(name)) {
            return; // e.g. a logger's name with capitals under logging.level (a family, added as such by Boot's metadata)
        }
        ConfigurationPropertyName property = ConfigurationPropertyName.of(name);
        properties.add(property);
        if (family) {
            families.add(property);
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
