package dev.benchdeck.server.user;

import dev.benchdeck.server.security.Secrets;
import dev.benchdeck.server.security.SecurityProperties;
import java.sql.Timestamp;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * No default password, ever: while there are no users, each start logs one link with a fresh single-use
 * token (valid {@code benchdeck.security.setup-link-validity}, one hour) that creates the first admin.
 * Only the token's SHA-256 is stored.
 */
@Component
class SetupLink {

    static final String PREFIX = "bds_";
    private static final Logger log = LoggerFactory.getLogger(SetupLink.class);

    private final JdbcClient jdbc;
    private final UserRepository users;
    private final SecurityProperties properties;

    SetupLink(JdbcClient jdbc, UserRepository users, SecurityProperties properties) {
        this.jdbc = jdbc;
        this.users = users;
        this.properties = properties;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (users.count() > 0) {
            jdbc.sql("delete from setup_tokens").update();
            return;
        }
        if (event.getApplicationContext() instanceof WebServerApplicationContext web) {
            String token = issue();
            boolean tls = event.getApplicationContext().getEnvironment().getProperty("server.ssl.enabled", Boolean.class, false);
            log.warn("Benchdeck has no users yet. Create the first admin within 1 hour: {}://{}:{}/setup#token={}",
                    tls ? "https" : "http", properties.publicAddress(), web.getWebServer().getPort(), token);
        }
    }

    /** A new token; earlier ones stop working. */
    String issue() {
        String token = Secrets.token(PREFIX);
        jdbc.sql("delete from setup_tokens").update();
        jdbc.sql("insert into setup_tokens (token_hash, expires_at) values (:hash, :expires)")
                .param("hash", Secrets.sha256(token)).param("expires", Timestamp.from(Instant.now().plus(properties.setupLinkValidity())))
                .update();
        return token;
    }

    boolean isValid(String token) {
        return token.startsWith(PREFIX) && users.count() == 0 && jdbc.sql(
                        "select count(*) from setup_tokens where token_hash = :hash and used_at is null and expires_at > now()")
                .param("hash", Secrets.sha256(token)).query(Long.class).single() == 1;
    }

    /** Uses the token up; false when it was not (or no longer) valid. Call inside the transaction that creates the admin. */
    boolean consume(String token) {
        return token.startsWith(PREFIX) && jdbc.sql(
                        "update setup_tokens set used_at = now() where token_hash = :hash and used_at is null and expires_at > now()")
                .param("hash", Secrets.sha256(token)).update() == 1;
    }
}
