package dev.benchdeck.server.user;

import dev.benchdeck.server.security.TotpPolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The one row of {@code settings}, read on every request by the account gate, hence cached (one server writes it). */
@Service
public class SettingsService implements TotpPolicy {

    private final JdbcClient jdbc;
    private volatile Settings cached;

    SettingsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Settings get() {
        Settings settings = cached;
        if (settings == null) {
            settings = jdbc.sql("select self_registration, require_totp from settings")
                    .query((rs, row) -> new Settings(rs.getBoolean("self_registration"), rs.getBoolean("require_totp"))).single();
            cached = settings;
        }
        return settings;
    }

    public Settings update(Settings settings) {
        jdbc.sql("update settings set self_registration = :registration, require_totp = :totp")
                .param("registration", settings.selfRegistration()).param("totp", settings.requireTotp()).update();
        cached = settings;
        // audit: settings_updated
        return settings;
    }

    @Override
    public boolean totpRequired() {
        return get().requireTotp();
    }
}
