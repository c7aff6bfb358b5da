package dev.benchdeck.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Long bodies in parts and back: whole characters in each part, parts of two senders interleaved, own messages dropped. */
class ClusterBusTest {

    @Test
    void aLongBodyGoesInPartsThatNeverSplitACharacterAndComesBackWhole() {
        String body = "x".repeat(ClusterBus.PART_CHARS - 1) + "😀" + "é".repeat(ClusterBus.PART_CHARS * 2);
        List<String> parts = ClusterBus.split(body);
        assertThat(parts).hasSize(4);
        assertThat(parts).allSatisfy(part -> {
            assertThat(part.length()).isLessThanOrEqualTo(ClusterBus.PART_CHARS);
            assertThat(Character.isLowSurrogate(part.charAt(0))).isFalse();
            assertThat(Character.isHighSurrogate(part.charAt(part.length() - 1))).isFalse();
        });
        assertThat(String.join("", parts)).isEqualTo(body);
        assertThat(ClusterBus.split("")).containsExactly("");
    }

    @Test
    void partsOfTwoSendersInterleavedAreDispatchedWholeAndInTheirOrderWhileOwnMessagesAreDropped() {
        ClusterBus bus = new ClusterBus(null, null);
        List<String> heard = new ArrayList<>();
        bus.on("live", heard::add);
        bus.on("other", body -> heard.add("other:" + body));
        bus.receive("a|1|0|2|live|hel");
        bus.receive("b|7|0|1|live|single");
        bus.receive("b|8|1|2|live|ld");
        bus.receive("a|1|1|2|live|lo");
        bus.receive("b|8|0|2|live|wor");
        bus.receive("a|2|0|1|other|x|y");
        bus.receive("a|3|0|1|nobody|dropped");
        bus.receive("not a message");
        bus.receive("a|5|x|1|live|a bad part number");
        bus.receive("a|4|3|2|live|a part beyond the count");
        bus.receive(bus.origin() + "|1|0|1|live|this replica's own");
        assertThat(heard).containsExactly("single", "hello", "world", "other:x|y");
    }
}
