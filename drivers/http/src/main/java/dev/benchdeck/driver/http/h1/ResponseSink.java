package dev.benchdeck.driver.http.h1;

/** Where {@link ResponseParser} hands what it parsed of a response: a journey's capture, or a stream reader. */
public interface ResponseSink {

    /** A new response begins (also after an interim 1xx one). */
    void clear();

    void status(int status);

    void header(String name, String value);

    /** Body bytes, without chunk framing, as they are parsed. */
    void body(byte[] bytes, int offset, int length);
}
