package dev.benchdeck.driver.llm.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The one place the llm driver and the server's target check read provider answers from. */
class LlmProvidersTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anErrorMessageIsTheProvidersOwnTextOnOneLineWithoutTheKey() {
        assertThat(LlmProviders.errorMessage(bytes("{\"error\": {\"message\": \"bad key sk-123\\n  try again\"}}"), "sk-123"))
                .isEqualTo("bad key *** try again");
        assertThat(LlmProviders.errorMessage(bytes("{\"detail\": \"no such model\"}"), null)).isEqualTo("no such model");
        assertThat(LlmProviders.errorMessage(bytes("<html>\n<b>502</b></html>"), null)).isEqualTo("<html> <b>502</b></html>");
        assertThat(LlmProviders.errorMessage(new byte[0], "sk-123")).isEmpty();
    }

    @Test
    void anExcerptIsOneShortLineWithoutTheKeyAndSaysWhenTheBodyIsEmpty() {
        assertThat(LlmProviders.excerpt(bytes("{\"status\": \"done\",\n \"echo\": \"sk-123\"}"), "sk-123"))
                .isEqualTo("{\"status\": \"done\", \"echo\": \"***\"}");
        assertThat(LlmProviders.excerpt(null, null)).isEqualTo("empty body");
        String longBody = "x".repeat(LlmProviders.MESSAGE_CHARACTERS * 3);
        assertThat(LlmProviders.excerpt(bytes(longBody), null)).hasSize(LlmProviders.MESSAGE_CHARACTERS + 1).endsWith("…");
    }

    @Test
    void onlyAJsonObjectIsReadAsOne() {
        assertThat(LlmProviders.jsonObject(bytes("{\"run_id\": 7}")).path("run_id").asInt()).isEqualTo(7);
        assertThat(LlmProviders.jsonObject(bytes("[1, 2]"))).isNull();
        assertThat(LlmProviders.jsonObject(bytes("not json"))).isNull();
        assertThat(LlmProviders.jsonObject(new byte[0])).isNull();
        assertThat(LlmProviders.jsonObject(null)).isNull();
    }
}
