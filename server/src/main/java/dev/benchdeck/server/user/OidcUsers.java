package dev.benchdeck.server.user;

import dev.benchdeck.server.audit.AuditLog;
import dev.benchdeck.server.security.AuthenticationCache;
import dev.benchdeck.server.security.OidcAccounts;
import dev.benchdeck.server.security.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Local users of OIDC identities: made on the first sign-in (named after the identity, a suffix when the
 * name is taken), their role set to the mapped one at every sign-in, refused when disabled.
 */
@Service
class OidcUsers implements OidcAccounts {

    private static final Pattern NOT_IN_NAME = Pattern.compile("[^A-Za-z0-9._@-]");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final TransactionTemplate transaction;
    private final AuditLog audit;
    private final AuthenticationCache cache;

    OidcUsers(UserRepository users, PasswordEncoder encoder, TransactionTemplate transaction, AuditLog audit,
              AuthenticationCache cache) {
        this.cache = cache;
        this.users = users;
        this.encoder = encoder;
        this.transaction = transaction;
        this.audit = audit;
    }

    @Override
    public Optional<SignedIn> signIn(OidcIdentity identity) {
        Optional<User> linked = users.findLinked(identity.issuer(), identity.subject());
        if (linked.isPresent() && !linked.get().enabled()) {
            return refused(linked.get(), identity, "disabled");
        }
        if (identity.role().isEmpty()) {
            return refused(linked.orElse(null), identity, "no_role");
        }
        Role role = identity.role().get();
        User user = linked.isPresent() ? updateRole(linked.get(), role) : create(identity, role);
        users.signedIn(user.id());
        audit.recordAs(user.id(), user.username(), "sign_in", "user", user.id(), Map.of("method", "oidc"));
        return Optional.of(new SignedIn(user.id(), user.username()));
    }

    private User updateRole(User user, Role role) {
        if (user.role() != role) {
            users.setRole(user.id(), role);
            cache.forgetUser(user.id());
            audit.recordAs(user.id(), user.username(), "user_updated", "user", user.id(),
                    Map.of("username", user.username(), "role", role.value(), "method", "oidc"));
        }
        return users.find(user.id()).orElseThrow();
    }

    private User create(OidcIdentity identity, Role role) {
        String name = freeName(identity);
        // no password works for this user (an admin's reset can give them one)
        byte[] unknowable = new byte[32];
        RANDOM.nextBytes(unknowable);
        String hash = encoder.encode(Base64.getEncoder().encodeToString(unknowable));
        long id = transaction.execute(status -> {
            long created = users.insert(name, hash, role, false);
            users.link(identity.issuer(), identity.subject(), created);
            return created;
        });
        audit.recordAs(id, name, "user_created", "user", id, Map.of("username", name, "role", role.value(), "method", "oidc"));
        return users.find(id).orElseThrow();
    }

    /** The identity's name made a valid username; with a suffix from the identity when a local user has it already. */
    private String freeName(OidcIdentity identity) {
        String base = NOT_IN_NAME.matcher(identity.preferredName()).replaceAll("-");
        if (base.isEmpty() || !Character.isLetterOrDigit(base.charAt(0))) {
            base = "u" + base;
        }
        base = base.substring(0, Math.min(base.length(), 56));
        if (users.findByName(base).isEmpty()) {
            return base;
        }
        String suffixed = base + "-" + fingerprint(identity).substring(0, 7);
        return users.findByName(suffixed).isEmpty() ? suffixed : "oidc-" + fingerprint(identity).substring(0, 20);
    }

    private static String fingerprint(OidcIdentity identity) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((identity.issuer() + "\n" + identity.subject()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<SignedIn> refused(User user, OidcIdentity identity, String reason) {
        audit.recordAs(user == null ? null : user.id(), user == null ? identity.preferredName() : user.username(), "sign_in_failed", "user",
                user == null ? null : user.id(), Map.of("method", "oidc", "reason", reason));
        return Optional.empty();
    }
}
