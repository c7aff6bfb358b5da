package dev.benchdeck.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.server.IntegrationTestSupport;
import dev.benchdeck.server.headless.HeadlessCommands;
import dev.benchdeck.server.system.BenchdeckProperties;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code users add} and {@code tokens create} against the database of the running test server (found through its data directory). */
class HeadlessCommandsIntegrationTest extends IntegrationTestSupport {

    @Autowired
    BenchdeckProperties properties;

    private record Result(int status, String out, String err) {
    }

    private Result run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--benchdeck.data-dir=" + properties.dataDir())).toArray(String[]::new);
        int status = HeadlessCommands.run(all, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void usersAddAndTokensCreateWorkAgainstTheRunningServersDatabase() {
        String name = "ci-" + System.nanoTime();
        Result added = run("a headless passphrase 42\n", "users", "add", name, "--role", "editor");
        assertThat(added.status()).as(added.err()).isZero();
        assertThat(new Browser(port).signIn(name, "a headless passphrase 42").status()).isEqualTo(200);

        Result token = run("", "tokens", "create", "--user", name, "--scopes", "read,run", "--expires", "30d", "--name", "ci");
        assertThat(token.status()).as(token.err()).isZero();
        assertThat(token.out()).matches("bd_[A-Za-z0-9_-]{43}\\R");
        HttpRequest list = HttpRequest.newBuilder(uri("/api/v1/account/tokens")).header("Authorization", "Bearer " + token.out().strip()).build();
        Response tokens = sendAsIs(list);
        assertThat(tokens.status()).isEqualTo(200);
        assertThat(tokens.json().get(0).get("name").asText()).isEqualTo("ci");
        assertThat(tokens.json().get(0).get("scopes").toString()).isEqualTo("[\"read\",\"run\"]");

        assertThat(run("", "tokens", "create", "--user", name, "--scopes", "admin").status()).as("more than an editor may").isEqualTo(2);
        assertThat(run("", "tokens", "create", "--user", "nobody-" + name, "--scopes", "read").status()).isEqualTo(5);
    }

    @Test
    void usersAddRefusesWeakPasswordsTakenNamesAndBadCommandLines() {
        String name = "weak-" + System.nanoTime();
        Result weak = run("password1234\n", "users", "add", name, "--role", "viewer");
        assertThat(weak.status()).isEqualTo(HeadlessCommands.WEAK_PASSWORD);
        assertThat(weak.err()).contains("the password is too common");
        Result shortOne = run("short\n", "users", "add", name, "--role", "viewer");
        assertThat(shortOne.status()).isEqualTo(HeadlessCommands.WEAK_PASSWORD);
        assertThat(shortOne.err()).contains("at least 12 characters");
        assertThat(run("a fine passphrase here\n", "users", "add", name, "--role", "viewer").status()).isZero();
        assertThat(run("a fine passphrase here\n", "users", "add", name, "--role", "viewer").status()).isEqualTo(HeadlessCommands.CONFLICT);
        assertThat(run("a fine passphrase here\n", "users", "add", name + "x", "--role", "boss").status()).isEqualTo(HeadlessCommands.USAGE);
        assertThat(run("", "users", "add").status()).isEqualTo(HeadlessCommands.USAGE);
    }
}
