/**
 * Splitting one run over several load agents: which share of the load each agent applies ({@link Shard}),
 * the plan each agent runs ({@link PlanSharder}), and what a plan asks for ({@link AgentsSpec}).
 */
package dev.benchdeck.engine.shard;
