package dev.benchdeck.server.security;

import java.util.Optional;

/** The local users that OIDC identities sign in as (the user feature implements it). */
public interface OidcAccounts {

    /**
     * The local user linked to the identity, created on its first sign-in, its role set to the mapped one
     * each time; empty (and audited) when the sign-in is refused: a disabled user or no role mapped.
     */
    Optional<SignedIn> signIn(OidcIdentity identity);

    /**
     * Who signed in at the provider.
     *
     * @param issuer with {@code subject}, what links the identity to one local user (never the name or email)
     * @param preferredName the name to give a new local user (preferred_username, else email, else the subject)
     * @param role the mapped role; empty refuses the sign-in
     */
    record OidcIdentity(String issuer, String subject, String preferredName, Optional<Role> role) {
    }

    record SignedIn(long userId, String username) {
    }
}
