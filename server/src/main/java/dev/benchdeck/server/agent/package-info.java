/**
 * Load agents ({@code benchdeck agent}): their registration and heartbeats, the Agents page's list, and the runs
 * split over them — shards assigned through heartbeats, intervals and steps merged exactly as they arrive, an agent
 * silent for 5 s marked lost. docs/agents.md describes it for users.
 */
package dev.benchdeck.server.agent;
