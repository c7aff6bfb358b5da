package dev.benchdeck.server.token;

import dev.benchdeck.server.security.Actor;
import dev.benchdeck.server.security.CurrentActor;
import dev.benchdeck.server.security.TokenScope;
import dev.benchdeck.server.system.BadRequestException;
import dev.benchdeck.server.system.FieldProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's own API tokens. */
@RestController
@RequestMapping("/api/v1/account/tokens")
class TokenController {

    private final TokenService tokens;

    TokenController(TokenService tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    List<ApiToken> listTokens() {
        return tokens.list(CurrentActor.require().userId());
    }

    /** 201 with the token's secret in {@code token}, the only time it is shown. */
    @PostMapping
    ResponseEntity<CreatedToken> createToken(@Valid @RequestBody TokenRequest request) {
        Actor actor = CurrentActor.require();
        List<TokenScope> scopes = scopes(request.scopes(), actor);
        Instant expires = request.expiresInDays() == null ? null : Instant.now().plus(Duration.ofDays(request.expiresInDays()));
        TokenService.Created created = tokens.create(actor.userId(), request.name().strip(), scopes, expires);
        ApiToken t = created.token();
        return ResponseEntity.created(URI.create("/api/v1/account/tokens/" + t.id())).body(new CreatedToken(t.id(), t.name(),
                t.prefix(), t.scopes(), t.createdAt(), t.expiresAt(), t.lastUsedAt(), created.secret()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revokeToken(@PathVariable long id) {
        tokens.revoke(CurrentActor.require().userId(), id);
        return ResponseEntity.noContent().build();
    }

    /** Known scopes none wider than what the caller itself may do (a read token cannot mint a run token). */
    private static List<TokenScope> scopes(List<String> names, Actor actor) {
        Set<TokenScope> scopes = new LinkedHashSet<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            TokenScope scope = name == null ? null : TokenScope.parse(name).orElse(null);
            if (scope == null) {
                problems.add(new FieldProblem("scopes[" + i + "]", "must be one of read, run, admin"));
            } else if (!actor.role().includes(scope.role())) {
                problems.add(new FieldProblem("scopes[" + i + "]", "is more than you may do (" + actor.role().value() + ")"));
            } else {
                scopes.add(scope);
            }
        }
        if (!problems.isEmpty()) {
            throw new BadRequestException("the request body has invalid fields", problems);
        }
        return List.copyOf(scopes);
    }

    record TokenRequest(@NotBlank @Size(max = 100) String name, @NotNull @Size(min = 1, max = 3) List<String> scopes,
                        @Nullable @Min(1) @Max(3650) Integer expiresInDays) {
    }

    record CreatedToken(long id, String name, String prefix, List<TokenScope> scopes, Instant createdAt,
                        @Nullable Instant expiresAt, @Nullable Instant lastUsedAt, String token) {
    }
}
