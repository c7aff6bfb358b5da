/**
 * The built-in demo: the demo HTTP endpoints and the mock LLM server, both on 127.0.0.1 and proxied
 * where useful ({@code /api/v1/mock-llm/*}), a demo database inside the embedded PostgreSQL, and on
 * first start the targets and scenarios that use them, so that every kind of run works with nothing external.
 */
package dev.benchdeck.server.demo;
