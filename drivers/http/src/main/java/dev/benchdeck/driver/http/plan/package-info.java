/**
 * Plans in Java: a fluent builder for people who prefer code to YAML. {@link dev.benchdeck.driver.http.plan.Benchdeck}
 * starts a plan and holds the factories (think times, extractions, checks, conditions, load models) for one static
 * import. The builder writes the very tree a YAML plan parses into, and {@link
 * dev.benchdeck.driver.http.plan.PlanBuilder#build()} validates it with the same {@code PlanReader}: a Java plan and
 * its YAML twin give equal {@code Plan}s, the same problems with the same paths, and the same results.
 * {@code benchdeck run Shop.java} compiles a single source file that declares a class with a {@code static
 * PlanBuilder plan()} method (or implementing {@link dev.benchdeck.driver.http.plan.PlanSource}) and runs its plan.
 */
package dev.benchdeck.driver.http.plan;
