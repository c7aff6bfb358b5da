package dev.benchdeck.driver.http.plan;

/**
 * What a Java plan file may implement for {@code benchdeck run Shop.java} (a class with a public no-argument
 * constructor); a {@code static PlanBuilder plan()} method does as well. Return the builder, not a built plan, so that
 * the command's {@code --set} overrides apply before validation, as they do for YAML.
 */
@FunctionalInterface
public interface PlanSource {

    PlanBuilder plan();
}
