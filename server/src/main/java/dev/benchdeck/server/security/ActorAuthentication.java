package dev.benchdeck.server.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request's authentication: the actor, with ROLE_VIEWER.. up to its role as authorities. */
final class ActorAuthentication extends AbstractAuthenticationToken {

    private final Actor actor;

    ActorAuthentication(Actor actor) {
        super(authorities(actor.role()));
        this.actor = actor;
        setAuthenticated(true);
    }

    private static List<GrantedAuthority> authorities(Role role) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (Role each : Role.values()) {
            if (role.includes(each)) {
                authorities.add(new SimpleGrantedAuthority("ROLE_" + each.name()));
            }
        }
        return authorities;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Actor getPrincipal() {
        return actor;
    }

    @Override
    public String getName() {
        return actor.username();
    }
}
