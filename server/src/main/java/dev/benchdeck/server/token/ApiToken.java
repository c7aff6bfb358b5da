package dev.benchdeck.server.token;

import dev.benchdeck.server.security.TokenScope;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A token as listed (never its secret): {@code prefix} is the first 8 characters after {@code bd_}. */
public record ApiToken(long id, String name, String prefix, List<TokenScope> scopes, Instant createdAt,
                       @Nullable Instant expiresAt, @Nullable Instant lastUsedAt) {
}
