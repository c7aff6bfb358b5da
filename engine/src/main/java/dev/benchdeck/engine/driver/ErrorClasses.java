package dev.benchdeck.engine.driver;

/** The error classes shared by drivers; drivers may add their own (e.g. SQLSTATE classes). */
public final class ErrorClasses {

    /** The connection could not be opened (refused, unreachable, DNS). */
    public static final String CONNECT = "connect";
    /** No complete answer within the per-request timeout. */
    public static final String TIMEOUT = "timeout";
    /** The peer closed or reset the connection mid-operation. */
    public static final String RESET = "reset";
    /** The answer broke the protocol (malformed status line, bad chunking, TLS failure…). */
    public static final String PROTOCOL = "protocol";
    public static final String HTTP_4XX = "http_4xx";
    public static final String HTTP_5XX = "http_5xx";
    /** An HTTP status that is neither expected nor 4xx/5xx (e.g. an unexpected 3xx). */
    public static final String HTTP_OTHER = "http_status";
    /** The driver itself threw something it did not classify: a bug to report. */
    public static final String INTERNAL = "internal";

    private ErrorClasses() {
    }

    /** The class of an unexpected HTTP status. */
    public static String forHttpStatus(int status) {
        if (status >= 500 && status < 600) {
            return HTTP_5XX;
        }
        if (status >= 400 && status < 500) {
            return HTTP_4XX;
        }
        return HTTP_OTHER;
    }
}
