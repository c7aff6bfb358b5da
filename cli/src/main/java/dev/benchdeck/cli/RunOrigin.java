package dev.benchdeck.cli;

import dev.benchdeck.engine.result.RunLabelRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Where a CLI run came from, as labels: {@code commit} and {@code branch} from the usual CI variables (GitHub
 * Actions, GitLab CI, Jenkins, CircleCI, Buildkite, Azure Pipelines), else from {@code git} when the working
 * directory is a repository; then every {@code --label k=v} over them. A CI's variables win over {@code git}
 * because CI checkouts are often detached (git says {@code HEAD}, the CI knows the branch).
 */
final class RunOrigin {

    /** One CI system's variables: commit, then branch candidates in order (a pull request's source branch first). */
    private record CiVariables(String commit, List<String> branches) {
    }

    private static final List<CiVariables> CI = List.of(
            new CiVariables("GITHUB_SHA", List.of("GITHUB_HEAD_REF", "GITHUB_REF_NAME")),
            new CiVariables("CI_COMMIT_SHA", List.of("CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "CI_COMMIT_BRANCH", "CI_COMMIT_REF_NAME")),
            new CiVariables("GIT_COMMIT", List.of("CHANGE_BRANCH", "BRANCH_NAME", "GIT_BRANCH")),
            new CiVariables("CIRCLE_SHA1", List.of("CIRCLE_BRANCH")),
            new CiVariables("BUILDKITE_COMMIT", List.of("BUILDKITE_BRANCH")),
            new CiVariables("BUILD_SOURCEVERSION", List.of("SYSTEM_PULLREQUEST_SOURCEBRANCH", "BUILD_SOURCEBRANCHNAME")));

    private final Map<String, String> environment;
    private final Function<List<String>, Optional<String>> git;

    RunOrigin(Map<String, String> environment, Function<List<String>, Optional<String>> git) {
        this.environment = environment;
        this.git = git;
    }

    /** The real environment and {@code git} in the working directory. */
    static RunOrigin ofThisProcess() {
        return new RunOrigin(System.getenv(), RunOrigin::runGit);
    }

    /** Commit and branch found automatically (possibly none). */
    Map<String, String> detected() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (CiVariables ci : CI) {
            String commit = nonBlank(environment.get(ci.commit()));
            if (commit == null) {
                continue;
            }
            labels.put(RunLabelRules.COMMIT, commit);
            ci.branches().stream().map(environment::get).map(RunOrigin::nonBlank).filter(b -> b != null)
                    .findFirst().map(RunOrigin::shortBranch).ifPresent(b -> labels.put(RunLabelRules.BRANCH, b));
            return labels;
        }
        git.apply(List.of("rev-parse", "HEAD")).ifPresent(c -> labels.put(RunLabelRules.COMMIT, c));
        if (!labels.isEmpty()) {
            git.apply(List.of("rev-parse", "--abbrev-ref", "HEAD")).filter(b -> !b.equals("HEAD"))
                    .ifPresent(b -> labels.put(RunLabelRules.BRANCH, b));
        }
        return labels;
    }

    /**
     * The run's labels: detected ones (unless {@code detect} is false), then each {@code k=v} given. Problems are
     * added to {@code problems} ({@code --label[i]} or {@code labels.key}: why); the labels are meaningless then.
     */
    Map<String, String> labels(List<String> given, boolean detect, List<String> problems) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (detect) { // a CI variable that is no commit id or branch name is left out, not an error the user did not make
            detected().forEach((k, v) -> {
                if (RunLabelRules.problems(Map.of(k, v), "labels", false).isEmpty()) {
                    labels.put(k, v);
                }
            });
        }
        for (int i = 0; i < given.size(); i++) {
            String label = given.get(i);
            int eq = label.indexOf('=');
            if (eq <= 0 || eq == label.length() - 1) {
                problems.add("--label[" + i + "] '" + label + "': must be KEY=VALUE, e.g. --label environment=staging");
                continue;
            }
            labels.put(label.substring(0, eq), label.substring(eq + 1));
        }
        RunLabelRules.problems(labels, "labels", false).forEach(p -> problems.add(p.path() + ": " + p.message()));
        return RunLabelRules.normalized(labels);
    }

    /** {@code refs/heads/main} and Jenkins' {@code origin/main} are {@code main}. */
    static String shortBranch(String branch) {
        for (String prefix : List.of("refs/heads/", "origin/")) {
            if (branch.startsWith(prefix)) {
                return branch.substring(prefix.length());
            }
        }
        return branch;
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** {@code git ARGS} in the working directory: its one line of output, or empty (no git, no repository, slow). */
    private static Optional<String> runGit(List<String> args) {
        try {
            List<String> command = new java.util.ArrayList<>(List.of("git"));
            command.addAll(args);
            Process git = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = git.getInputStream().readNBytes(4096);
            if (!git.waitFor(2, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return Optional.empty();
            }
            String line = new String(out, StandardCharsets.UTF_8).strip();
            return git.exitValue() == 0 && !line.isEmpty() && !line.contains("\n") ? Optional.of(line) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // no git on the PATH
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
