/** LLM API stream formats (OpenAI, Anthropic, generic SSE): which events are content, usage, errors, the end. */
package dev.benchdeck.driver.llm.stream;
