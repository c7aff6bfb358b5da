package dev.benchdeck.server.system;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the server defends itself on a network ({@code benchdeck.security.*}).
 *
 * @param allowedHosts the names a request's {@code Host} may carry besides loopback and this machine's name
 *                     (DNS rebinding: a web page that renames its own host to 127.0.0.1 must not reach the API)
 * @param publicAddress the address people use to reach the server (a host, host:port or URL); always allowed
 * @param secretEnvPrefix the only environment variables {@code password_env} and {@code api_key_env} may name on the server
 */
@ConfigurationProperties("benchdeck.security")
public record HardeningProperties(@DefaultValue List<String> allowedHosts,
                                  String publicAddress,
                                  @DefaultValue("BENCHDECK_SECRET_") String secretEnvPrefix) {
}
