package dev.benchdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The CI files in {@code examples/ci/} parse as YAML, every {@code benchdeck} command line in them parses
 * with the real command (so a renamed flag breaks this test, not someone's pipeline), the plans they run
 * exist, and every report they keep as an artifact is one a command writes.
 */
class CiExamplesTest {

    private static final Path ROOT = Path.of("..");

    @ParameterizedTest
    @ValueSource(strings = {"github-actions.yml", "gitlab-ci.yml"})
    void everyBenchdeckCommandParsesAndItsFilesExist(String name) throws IOException {
        JsonNode yaml = new YAMLMapper().readTree(ROOT.resolve("examples/ci").resolve(name).toFile());
        List<String> scripts = new ArrayList<>();
        List<String> artifacts = new ArrayList<>();
        collect(yaml, scripts, artifacts);
        List<List<String>> commands = scripts.stream().flatMap(s -> ShellWords.commands(s).stream())
                .filter(words -> !words.isEmpty() && words.get(0).matches("(\\./)?benchdeck")).toList();
        assertThat(commands).as("benchdeck commands in " + name).isNotEmpty();

        Set<String> written = new HashSet<>();
        Set<String> subcommands = new HashSet<>();
        for (List<String> command : commands) {
            String[] args = command.subList(1, command.size()).toArray(String[]::new);
            CommandLine.ParseResult parsed = BenchdeckCommand.commandLine().parseArgs(args); // throws on an unknown flag
            CommandLine.ParseResult sub = parsed.subcommand();
            assertThat(sub).as(String.join(" ", command)).isNotNull();
            subcommands.add(sub.commandSpec().name() + (sub.hasMatchedOption("--fail-on-regression") ? " --fail-on-regression" : ""));
            for (String value : sub.matchedPositionals().stream().flatMap(p -> p.stringValues().stream()).toList()) {
                if (value.endsWith(".yaml") || value.endsWith(".yml")) {
                    assertThat(ROOT.resolve(value)).as("the plan of " + String.join(" ", command)).exists();
                }
            }
            for (String option : List.of("--out", "--junit", "--html", "--md", "--csv")) {
                if (sub.hasMatchedOption(option)) {
                    written.add(sub.matchedOption(option).stringValues().get(0));
                }
            }
        }
        assertThat(subcommands).contains("run", "compare --fail-on-regression");
        assertThat(written).anyMatch(f -> f.endsWith(".xml")).anyMatch(f -> f.endsWith(".html"))
                .anyMatch(f -> f.endsWith("compare.md"));
        assertThat(artifacts).isNotEmpty().allSatisfy(path -> assertThat(written).as("a command writes " + path).contains(path));
    }

    /** The shell scripts (GitHub's {@code run}, GitLab's {@code script}s) and the artifact paths, anywhere in the file. */
    private static void collect(JsonNode node, List<String> scripts, List<String> artifacts) {
        node.properties().forEach(e -> {
            String key = e.getKey();
            JsonNode value = e.getValue();
            if (key.equals("run") && value.isTextual()) {
                scripts.add(value.asText());
            } else if (key.endsWith("script")) {
                value.forEach(line -> scripts.add(line.asText()));
            } else if (key.equals("path") && value.isTextual()) {
                value.asText().lines().map(String::trim).filter(l -> !l.isEmpty()).forEach(artifacts::add);
            } else if ((key.equals("paths") || key.equals("junit")) && !value.isObject()) {
                if (value.isArray()) {
                    value.forEach(p -> artifacts.add(p.asText()));
                } else {
                    artifacts.add(value.asText());
                }
            }
            if (value.isContainerNode()) {
                if (value.isArray()) {
                    value.forEach(item -> collect(item, scripts, artifacts));
                } else {
                    collect(value, scripts, artifacts);
                }
            }
        });
    }

    /** Enough of the shell to find simple commands: quotes, backslash line ends, {@code && || ; |} between commands. */
    static final class ShellWords {

        static List<List<String>> commands(String script) {
            List<List<String>> commands = new ArrayList<>();
            List<String> words = new ArrayList<>();
            StringBuilder word = null;
            String text = script.replace("\\\n", " ");
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\'' || c == '"') {
                    int end = text.indexOf(c, i + 1);
                    word = word == null ? new StringBuilder() : word;
                    word.append(placeholders(text.substring(i + 1, end)));
                    i = end;
                } else if (c == '\n' || c == ';' || c == '&' || c == '|' || c == '{' || c == '}') {
                    word = flush(word, words);
                    if (!words.isEmpty()) {
                        commands.add(words);
                        words = new ArrayList<>();
                    }
                } else if (Character.isWhitespace(c)) {
                    word = flush(word, words);
                } else {
                    word = word == null ? new StringBuilder() : word;
                    word.append(c);
                }
            }
            flush(word, words);
            if (!words.isEmpty()) {
                commands.add(words);
            }
            return commands;
        }

        private static StringBuilder flush(StringBuilder word, List<String> words) {
            if (word != null) {
                words.add(placeholders(word.toString()));
            }
            return null;
        }

        /** Variables as a value a flag would take ({@code $PR} → {@code 1}). */
        private static String placeholders(String text) {
            return text.replaceAll("\\$\\{\\{[^}]*}}", "1").replaceAll("\\$\\{?[A-Za-z_][A-Za-z0-9_]*}?", "1");
        }
    }
}
