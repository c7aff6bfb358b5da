package dev.benchdeck.server.system;

import org.apache.catalina.connector.Connector;
import org.apache.tomcat.util.descriptor.web.SecurityCollection;
import org.apache.tomcat.util.descriptor.web.SecurityConstraint;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * {@code benchdeck.tls.redirect-port}: a plain HTTP port beside the HTTPS one whose every request is
 * redirected to HTTPS (Tomcat's CONFIDENTIAL transport guarantee), on the same address.
 */
@Component
@ConditionalOnProperty("benchdeck.tls.redirect-port")
class TlsRedirect implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final int redirectPort;

    TlsRedirect(@Value("${benchdeck.tls.redirect-port}") int redirectPort) {
        this.redirectPort = redirectPort;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            SecurityConstraint constraint = new SecurityConstraint();
            constraint.setUserConstraint("CONFIDENTIAL");
            SecurityCollection everything = new SecurityCollection();
            everything.addPattern("/*");
            constraint.addCollection(everything);
            context.addConstraint(constraint);
        });
        Connector http = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
        http.setScheme("http");
        http.setPort(redirectPort);
        http.setSecure(false);
        http.setRedirectPort(factory.getPort());
        if (factory.getAddress() != null) {
            http.setProperty("address", factory.getAddress().getHostAddress());
        }
        factory.addAdditionalConnectors(http);
    }
}
