package dev.benchdeck.gateway.provider;

/** Hears one answer, always on the event loop the call was started on; after completed or failed, nothing more. */
public interface ProviderListener {

    void chunk(String content);

    void completed();

    void failed(ProviderFailure failure);
}
