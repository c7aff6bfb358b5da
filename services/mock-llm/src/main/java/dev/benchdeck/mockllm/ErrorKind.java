package dev.benchdeck.mockllm;

/** The errors the mock answers, with the HTTP status and each provider's error type. */
enum ErrorKind {
    BAD_REQUEST(400, "invalid_request_error", "invalid_request_error"),
    UNAUTHORIZED(401, "invalid_request_error", "authentication_error"),
    NOT_FOUND(404, "invalid_request_error", "not_found_error"),
    METHOD_NOT_ALLOWED(405, "invalid_request_error", "invalid_request_error"),
    RATE_LIMITED(429, "rate_limit_error", "rate_limit_error"),
    SERVER_ERROR(500, "server_error", "api_error"),
    /** An error inside a 200 stream. */
    STREAM_ERROR(200, "server_error", "overloaded_error");

    final int status;
    final String openAiType;
    final String anthropicType;

    ErrorKind(int status, String openAiType, String anthropicType) {
        this.status = status;
        this.openAiType = openAiType;
        this.anthropicType = anthropicType;
    }
}
