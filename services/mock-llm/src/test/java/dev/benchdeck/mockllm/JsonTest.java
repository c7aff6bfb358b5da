package dev.benchdeck.mockllm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void quotedTextReadsBackAsTheSameString() throws Exception {
        String[] texts = {"", " plain words", "say \"hi\"", "back\\slash", "line\nbreak\r\ttab", "\b\f\u0001\u001f",
                "ünïcødé €  😀", "</script>"};
        for (String text : texts) {
            String quoted = Json.quote(text);
            assertThat(quoted).startsWith("\"").endsWith("\"").doesNotContain("\n").doesNotContain("\u0001");
            assertThat(Json.MAPPER.readTree(quoted).asText()).as(quoted).isEqualTo(text);
        }
        assertThat(Json.quote("a\"b")).isEqualTo("\"a\\\"b\"");
    }
}
