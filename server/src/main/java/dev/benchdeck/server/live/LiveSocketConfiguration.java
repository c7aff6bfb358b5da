package dev.benchdeck.server.live;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class LiveSocketConfiguration implements WebSocketConfigurer {

    private final LiveSocket socket;

    LiveSocketConfiguration(LiveSocket socket) {
        this.socket = socket;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        // the dashboard's dev server runs on another local port
        registry.addHandler(socket, "/api/v1/live").setAllowedOriginPatterns("http://localhost:*", "http://127.0.0.1:*");
    }
}
