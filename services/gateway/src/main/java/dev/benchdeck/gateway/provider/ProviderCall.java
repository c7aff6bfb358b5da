package dev.benchdeck.gateway.provider;

/** A running answer: pause and resume for back-pressure, cancel when the client went away (the upstream is closed at once). */
public interface ProviderCall {

    void pause();

    void resume();

    void cancel();
}
