package dev.benchdeck.server.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in and session settings ({@code benchdeck.security.*}).
 *
 * @param publicAddress the host name people reach the server by, used in the setup link
 * @param sessionIdleTimeout a session unused this long ends (also {@code server.servlet.session.timeout})
 * @param sessionAbsoluteTimeout a session ends this long after its sign-in, used or not
 * @param setupLinkValidity how long the first start's setup link works
 * @param signIn the sign-in attempt limits
 * @param api the API request limits per token or session
 * @param corsAllowedOrigins origins (e.g. {@code https://grafana.example.com}) whose pages may call the API with a
 *                           token; empty (the default) keeps the API same-origin
 */
@ConfigurationProperties("benchdeck.security")
public record SecurityProperties(@DefaultValue("127.0.0.1") String publicAddress,
                                 @DefaultValue("8h") Duration sessionIdleTimeout,
                                 @DefaultValue("7d") Duration sessionAbsoluteTimeout,
                                 @DefaultValue("1h") Duration setupLinkValidity,
                                 @DefaultValue SignIn signIn,
                                 @DefaultValue Api api,
                                 @DefaultValue List<String> corsAllowedOrigins) {

    /**
     * @param freeFailures failed sign-ins of one account before its back-off starts
     * @param addressFreeFailures failed sign-ins from one address (any accounts) before its back-off starts
     * @param firstBackoff the wait after the first failure past the free ones; it doubles with each further one
     * @param maxBackoff the longest wait
     * @param attemptsPerAddressPerMinute sign-in attempts from one address per minute, failed or not
     * @param concurrentHashes passwords hashed at once, server-wide (0, the default: half the processors, at least 1); beyond it a
     *                         sign-in waits up to {@code hashWait}, then gets 503 with {@code Retry-After}
     * @param hashWait how long a password check waits for a free hashing slot
     */
    public record SignIn(@DefaultValue("5") int freeFailures, @DefaultValue("20") int addressFreeFailures,
                         @DefaultValue("2s") Duration firstBackoff,
                         @DefaultValue("15m") Duration maxBackoff, @DefaultValue("60") int attemptsPerAddressPerMinute,
                         @DefaultValue("0") int concurrentHashes, @DefaultValue("2s") Duration hashWait) {
    }

    /**
     * @param requestsPerSecond sustained API requests per token, session or (anonymous) address
     * @param burst requests allowed at once above that
     */
    public record Api(@DefaultValue("50") int requestsPerSecond, @DefaultValue("200") int burst) {
    }
}
