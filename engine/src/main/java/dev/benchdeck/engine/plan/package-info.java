/**
 * The plan model (records) and the one reader that produces it from YAML or JSON, reporting every
 * problem with its path. A {@link dev.benchdeck.engine.plan.Plan} is always valid.
 */
package dev.benchdeck.engine.plan;
