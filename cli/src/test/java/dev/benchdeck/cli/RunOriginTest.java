package dev.benchdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RunOriginTest {

    private static final String SHA = "3f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39";
    private static final Function<List<String>, Optional<String>> NO_GIT = args -> Optional.empty();

    private static Function<List<String>, Optional<String>> git(String commit, String branch) {
        return args -> Optional.of(args.contains("--abbrev-ref") ? branch : commit);
    }

    @Test
    void aGitHubPullRequestGivesItsHeadCommitAndSourceBranch() {
        RunOrigin origin = new RunOrigin(Map.of("GITHUB_SHA", SHA, "GITHUB_HEAD_REF", "feature/faster",
                "GITHUB_REF_NAME", "42/merge"), git("ffff", "main"));
        assertThat(origin.detected()).containsExactly(Map.entry("commit", SHA), Map.entry("branch", "feature/faster"));
    }

    @Test
    void gitLabJenkinsAndTheOthersAreReadToo() {
        assertThat(new RunOrigin(Map.of("CI_COMMIT_SHA", SHA, "CI_COMMIT_REF_NAME", "main"), NO_GIT).detected())
                .containsEntry("branch", "main");
        assertThat(new RunOrigin(Map.of("GIT_COMMIT", SHA, "GIT_BRANCH", "origin/release-2"), NO_GIT).detected())
                .containsEntry("branch", "release-2");
        assertThat(new RunOrigin(Map.of("BUILD_SOURCEVERSION", SHA, "BUILD_SOURCEBRANCHNAME", "refs/heads/dev"), NO_GIT)
                .detected()).containsEntry("branch", "dev");
    }

    @Test
    void withoutACiGitIsAskedAndADetachedHeadHasNoBranch() {
        assertThat(new RunOrigin(Map.of(), git(SHA, "main")).detected())
                .containsExactly(Map.entry("commit", SHA), Map.entry("branch", "main"));
        assertThat(new RunOrigin(Map.of(), git(SHA, "HEAD")).detected()).containsOnlyKeys("commit");
        assertThat(new RunOrigin(Map.of(), NO_GIT).detected()).isEmpty();
    }

    @Test
    void givenLabelsWinAndCommitsAreLowerCase() {
        List<String> problems = new ArrayList<>();
        Map<String, String> labels = new RunOrigin(Map.of("GITHUB_SHA", SHA, "GITHUB_REF_NAME", "main"), NO_GIT)
                .labels(List.of("branch=perf", "environment=staging", "os=linux", "commit=ABCDEF12"), true, problems);
        assertThat(problems).isEmpty();
        assertThat(labels).containsEntry("branch", "perf").containsEntry("environment", "staging")
                .containsEntry("os", "linux").containsEntry("commit", "abcdef12");
    }

    @Test
    void noAutoLabelsReadsNothingAndABadCiValueIsLeftOutNotAnError() {
        List<String> problems = new ArrayList<>();
        assertThat(new RunOrigin(Map.of("GITHUB_SHA", SHA), git(SHA, "main")).labels(List.of(), false, problems)).isEmpty();
        Map<String, String> labels = new RunOrigin(Map.of("GIT_COMMIT", "not a sha", "GIT_BRANCH", "main"), NO_GIT)
                .labels(List.of(), true, problems);
        assertThat(problems).isEmpty();
        assertThat(labels).containsExactly(Map.entry("branch", "main"));
    }

    @Test
    void everyBadLabelIsReportedWithItsPlace() {
        List<String> problems = new ArrayList<>();
        new RunOrigin(Map.of(), NO_GIT).labels(List.of("novalue", "=x", "commit=xyz", "branch=has space", "-bad=1"), true, problems);
        assertThat(problems).containsExactly(
                "--label[0] 'novalue': must be KEY=VALUE, e.g. --label environment=staging",
                "--label[1] '=x': must be KEY=VALUE, e.g. --label environment=staging",
                "labels.commit: must be a commit id: 4-64 hexadecimal digits",
                "labels.branch: must not contain spaces",
                "labels: label key '-bad' must be 1-63 letters, digits or _ . - /, starting with a letter or digit");
    }
}
