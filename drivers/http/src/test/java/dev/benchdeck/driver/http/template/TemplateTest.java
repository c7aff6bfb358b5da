package dev.benchdeck.driver.http.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.engine.driver.RequestContext;
import dev.benchdeck.engine.plan.ConfigNode;
import dev.benchdeck.engine.plan.Problems;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemplateTest {

    private final Problems problems = new Problems();
    private final ConfigNode node = new ConfigNode(null, "workload", problems);

    private Template compile(String text, DataRows data) {
        return new TemplateCompiler(data).compile(text, node, "body");
    }

    private static RequestContext context(long sequence, int user) {
        return new RequestContext(sequence, user, 1_000_000_000L);
    }

    @Test
    void aTextWithoutPlaceholdersIsRenderedOnce() {
        Template template = compile("plain text, no $ {placeholders}", null);

        assertThat(template.isConstant()).isTrue();
        assertThat(template.render(context(1, 0))).isSameAs(template.render(context(2, 0)));
        assertThat(template.renderText(context(1, 0))).isEqualTo("plain text, no $ {placeholders}");
    }

    @Test
    void fillsInSequenceAndUser() {
        Template template = compile("/items/${seq}?user=${ user }&neg=${seq}", null);

        assertThat(template.isConstant()).isFalse();
        assertThat(template.renderText(context(42, 3))).isEqualTo("/items/42?user=3&neg=42");
        assertThat(template.renderText(context(-7, 0))).isEqualTo("/items/-7?user=0&neg=-7");
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void drawsRandomIntegersWithinInclusiveBounds() {
        Template template = compile("${random_int(1, 3)}", null);
        Set<String> seen = new HashSet<>();

        for (int i = 0; i < 500; i++) {
            seen.add(template.renderText(context(i, 0)));
        }

        assertThat(seen).containsExactlyInAnyOrder("1", "2", "3");
    }

    @Test
    void drawsDistinctVersion4Uuids() {
        Template template = compile("${uuid}", null);
        Set<String> seen = new HashSet<>();

        for (int i = 0; i < 1000; i++) {
            String uuid = template.renderText(context(i, 0));
            assertThat(uuid).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(java.util.UUID.fromString(uuid).version()).isEqualTo(4);
            seen.add(uuid);
        }

        assertThat(seen).hasSize(1000);
    }

    @Test
    void takesDataValuesRoundRobinBySequence() {
        DataRows data = new DataRows(List.of("name", "id"), List.of(List.of("ann", "1"), List.of("bob", "2"), List.of("cé", "3")));
        Template template = compile("{\"name\":\"${data.name}\",\"id\":${data.id}}", data);

        assertThat(template.renderText(context(0, 0))).isEqualTo("{\"name\":\"ann\",\"id\":1}");
        assertThat(template.renderText(context(4, 0))).isEqualTo("{\"name\":\"bob\",\"id\":2}");
        assertThat(template.renderText(context(5, 0))).isEqualTo("{\"name\":\"cé\",\"id\":3}");
    }

    @Test
    void reportsEveryBadPlaceholder() {
        DataRows data = new DataRows(List.of("name"), List.of(List.of("ann")));

        compile("${foo} ${random_int(5,1)} ${data.missing} ${random_int(1,99999999999)} ${oops", data);

        assertThat(problems.list()).extracting(Object::toString).containsExactly(
                "workload.body: unknown placeholder ${foo}",
                "workload.body: ${random_int(5,1)}: the minimum is greater than the maximum",
                "workload.body: unknown placeholder ${data.missing} (data_file columns: name)",
                "workload.body: ${random_int(1,99999999999)}: bounds must be whole numbers between -2147483648 and 2147483647",
                "workload.body: unclosed placeholder ${oops");
    }

    @Test
    void dataPlaceholdersNeedADataFile() {
        compile("${data.name}", null);

        assertThat(problems.list()).extracting(Object::toString).containsExactly("workload.body: ${data.name} needs a data_file");
    }

    @Test
    void agentsOfADistributedRunSendDisjointRowsAndEachOfItsRowsInTurn() {
        List<List<String>> rows = new java.util.ArrayList<>();
        for (int r = 0; r < 7; r++) {
            rows.add(List.of("row" + r));
        }
        DataRows all = new DataRows(List.of("name"), rows);
        Set<String> sentByAll = new HashSet<>();
        for (int index = 0; index < 3; index++) {
            dev.benchdeck.engine.shard.Shard shard = new dev.benchdeck.engine.shard.Shard(index, 3);
            DataRows own = all.shard(shard);
            Set<String> sent = new HashSet<>();
            for (long local = 0; local < 30; local++) {
                sent.add(new String(own.value(shard.sequence(local), 0), java.nio.charset.StandardCharsets.UTF_8));
            }
            // rows 0,3,6 / 1,4 / 2,5: all of its own, none of another's
            assertThat(sent).hasSize(own.size()).allSatisfy(v -> assertThat(sentByAll).doesNotContain(v));
            sentByAll.addAll(sent);
        }
        assertThat(sentByAll).hasSize(7);
        assertThat(all.shard(dev.benchdeck.engine.shard.Shard.WHOLE)).isSameAs(all);
    }
}
