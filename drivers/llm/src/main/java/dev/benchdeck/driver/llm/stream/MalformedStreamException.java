package dev.benchdeck.driver.llm.stream;

/** An event the format cannot read (e.g. a JSON chunk that does not parse): a protocol error. */
public class MalformedStreamException extends Exception {

    public MalformedStreamException(String message) {
        super(message);
    }
}
