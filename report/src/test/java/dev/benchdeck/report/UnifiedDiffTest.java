package dev.benchdeck.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

    @Test
    void changesFarApartMakeTwoHunksAndTheSameTextNone() {
        String before = String.join("\n", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l") + "\n";
        String after = String.join("\n", "a", "B", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m") + "\n";
        assertThat(UnifiedDiff.of(before, after, "old", "new")).isEqualTo("""
                --- old
                +++ new
                @@ -1,5 +1,5 @@
                 a
                -b
                +B
                 c
                 d
                 e
                @@ -10,3 +10,4 @@
                 j
                 k
                 l
                +m
                """);
        assertThat(UnifiedDiff.of(before, before, "old", "new")).isEmpty();
        assertThat(UnifiedDiff.of("", "x\n", "old", "new")).isEqualTo("--- old\n+++ new\n@@ -0,0 +1,1 @@\n+x\n");
    }
}
