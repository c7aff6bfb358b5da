/**
 * {@code benchdeck agent}: a load agent that registers with a server, keeps a heartbeat, and executes the shards of
 * runs split over agents, streaming each second's histograms and each step to the server.
 */
package dev.benchdeck.cli.agent;
