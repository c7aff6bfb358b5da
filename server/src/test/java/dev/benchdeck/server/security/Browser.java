package dev.benchdeck.server.security;

import dev.benchdeck.server.IntegrationTestSupport.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A browser as the dashboard uses the API: cookies kept, the XSRF-TOKEN cookie's value sent as X-XSRF-TOKEN on writes. */
final class Browser {

    private final int port;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    boolean sendCsrfHeader = true;

    Browser(int port) {
        this.port = port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Response post(String path, String json) {
        return write("POST", path, json);
    }

    Response write(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (sendCsrfHeader) {
            if (cookie("XSRF-TOKEN").isEmpty()) {
                get("/api/v1/auth/state");
            }
            cookie("XSRF-TOKEN").ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        }
        return send(request);
    }

    Response signIn(String username, String password) {
        return post("/api/v1/auth/sign-in", "{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}");
    }

    Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue).findFirst();
    }

    Optional<HttpCookie> sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("benchdeck_session")).findFirst();
    }

    /** Puts a session cookie of another browser (or an attacker's) into this one. */
    void setSessionCookie(String value) {
        cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("benchdeck_session")).toList()
                .forEach(c -> cookies.getCookieStore().remove(null, c));
        HttpCookie cookie = new HttpCookie("benchdeck_session", value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(uri("/"), cookie);
    }

    Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> raw(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
