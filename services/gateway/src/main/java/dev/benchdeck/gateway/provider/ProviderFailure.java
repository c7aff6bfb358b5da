package dev.benchdeck.gateway.provider;

/**
 * Why a provider's answer failed. Codes: {@code upstream_unreachable}, {@code upstream_timeout},
 * {@code upstream_status_NNN}, {@code upstream_protocol}, {@code upstream_malformed},
 * {@code upstream_error_event}, {@code upstream_incomplete}. Messages never hold an API key.
 */
public record ProviderFailure(String code, String message) {
}
