/**
 * Several server replicas on one PostgreSQL: the messages they send each other (LISTEN/NOTIFY, for the live feed) and
 * the addresses they reach each other at (for agents' calls that land on a replica not coordinating their run).
 */
package dev.benchdeck.server.cluster;
