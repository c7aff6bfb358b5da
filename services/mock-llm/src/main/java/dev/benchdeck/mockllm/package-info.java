/**
 * Benchdeck's mock LLM server: OpenAI- and Anthropic-compatible streaming endpoints and mock
 * automation APIs (sync, async with polling, SSE progress) on the JDK's HTTP server with one
 * virtual thread per request. A timing model (TTFT, inter-token latency, output length, each a mean
 * with a uniform spread) and independent fault shares are set in {@link dev.benchdeck.mockllm.MockLlmConfig},
 * changed at runtime through {@code /mock/config}, and overridden per request with {@code X-Mock-*} headers.
 */
package dev.benchdeck.mockllm;
