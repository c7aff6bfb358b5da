package dev.benchdeck.driver.llm.gateway;

import dev.benchdeck.engine.driver.TargetCheck;

/**
 * What a gateway check found: {@code ok} when {@code /health} answered 200 and the admin API took the token;
 * {@code health} is the gateway's own status ({@code ok}, {@code degraded}), {@code admin} whether the admin API
 * took the token; error classes {@code connect}, {@code http}, {@code auth} ({@code invalid}: no URL to check).
 */
public record GatewayCheckReport(boolean ok, String health, Boolean admin, Double millis, String errorClass, String message)
        implements TargetCheck.Report {
}
