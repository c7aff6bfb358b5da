package dev.benchdeck.gateway.provider;

/** What a provider is asked: one user message, a model, and the optional parameters. */
public record ProviderRequest(String query, String model, Integer maxTokens, Double temperature) {

    public ProviderRequest withModel(String other) {
        return new ProviderRequest(query, other, maxTokens, temperature);
    }
}
