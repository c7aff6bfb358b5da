package dev.benchdeck.server.user;

import dev.benchdeck.server.security.AuthenticationCache;
import dev.benchdeck.server.security.Secrets;
import dev.benchdeck.server.system.BadRequestException;
import dev.benchdeck.server.system.ConflictException;
import dev.benchdeck.server.system.FieldProblem;
import dev.benchdeck.server.target.CredentialCipher;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * TOTP enrolment (a secret, pending until a code from it is confirmed), its ten single-use recovery codes,
 * and checking a code at sign-in. Secrets are encrypted with the server's key; recovery codes kept as SHA-256.
 */
@Service
class TwoFactor {

    static final int RECOVERY_CODES = 10;

    private final UserRepository users;
    private final CredentialCipher cipher;
    private final JdbcClient jdbc;
    private final AuthenticationCache cache;

    TwoFactor(UserRepository users, CredentialCipher cipher, JdbcClient jdbc, AuthenticationCache cache) {
        this.users = users;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.cache = cache;
    }

    record Enrolment(String secret, String otpauthUri) {
    }

    Enrolment start(User user) {
        if (user.totpEnabled()) {
            throw new ConflictException("two-factor sign-in is on already: disable it first to set up a new one");
        }
        byte[] secret = Totp.newSecret();
        users.setTotp(user.id(), cipher.encrypt(Totp.base32(secret)), false);
        String base32 = Totp.base32(secret);
        String label = URLEncoder.encode("Benchdeck:" + user.username(), StandardCharsets.UTF_8).replace("+", "%20");
        return new Enrolment(base32, "otpauth://totp/" + label + "?secret=" + base32
                + "&issuer=Benchdeck&algorithm=SHA1&digits=6&period=30");
    }

    /** Turns TOTP on when the code matches the pending secret; the recovery codes are shown only here. */
    @Transactional
    List<String> confirm(long userId, String code) {
        UserRepository.Credentials credentials = users.credentials(userId).orElseThrow();
        if (credentials.user().totpEnabled() || credentials.totpSecret() == null) {
            throw new ConflictException("there is no two-factor set-up to confirm: start one with POST /api/v1/account/totp");
        }
        byte[] secret = Totp.fromBase32(cipher.decrypt(credentials.totpSecret()));
        var step = Totp.matchingStep(secret, code, System.currentTimeMillis() / 1000);
        if (step.isEmpty()) {
            throw new BadRequestException("the request body has invalid fields", List.of(new FieldProblem("code", "is not the current code")));
        }
        users.setTotp(userId, credentials.totpSecret(), true);
        cache.forgetUser(userId);
        users.useTotpStep(userId, step.getAsLong());
        jdbc.sql("delete from totp_recovery_codes where user_id = :user").param("user", userId).update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String recovery = Secrets.recoveryCode();
            codes.add(recovery);
            jdbc.sql("insert into totp_recovery_codes (user_id, code_hash) values (:user, :hash)")
                    .param("user", userId).param("hash", Secrets.sha256(recovery)).update();
        }
        return codes;
    }

    @Transactional
    void disable(long userId) {
        users.setTotp(userId, null, false);
        cache.forgetUser(userId);
        jdbc.sql("delete from totp_recovery_codes where user_id = :user").param("user", userId).update();
    }

    /** Whether the code is the current TOTP code (not used before) or an unused recovery code, which is then used up. */
    boolean accepts(UserRepository.Credentials credentials, String code) {
        if (credentials.totpSecret() == null) {
            return false;
        }
        String trimmed = code.strip();
        byte[] secret = Totp.fromBase32(cipher.decrypt(credentials.totpSecret()));
        var step = Totp.matchingStep(secret, trimmed, System.currentTimeMillis() / 1000);
        if (step.isPresent()) {
            return users.useTotpStep(credentials.user().id(), step.getAsLong());
        }
        return jdbc.sql("update totp_recovery_codes set used_at = now() where user_id = :user and code_hash = :hash and used_at is null")
                .param("user", credentials.user().id()).param("hash", Secrets.sha256(trimmed.toLowerCase(java.util.Locale.ROOT)))
                .update() == 1;
    }
}
