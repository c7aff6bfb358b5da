package dev.benchdeck.mockllm;

/** A request the mock answers with an error (400, 404, 405, or a forced 429/500); the message goes to the client in the provider's error format. */
final class RefusedRequest extends RuntimeException {

    final ErrorKind kind;

    RefusedRequest(ErrorKind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    static RefusedRequest badRequest(String message) {
        return new RefusedRequest(ErrorKind.BAD_REQUEST, message);
    }
}
