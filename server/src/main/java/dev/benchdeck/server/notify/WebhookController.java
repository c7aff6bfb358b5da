package dev.benchdeck.server.notify;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Webhooks, for admins only (SecurityConfiguration): they make the server send requests to any address. */
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookController {

    private final WebhookService service;

    WebhookController(WebhookService service) {
        this.service = service;
    }

    @GetMapping
    List<Webhook> listWebhooks() {
        return service.list();
    }

    @PostMapping
    ResponseEntity<WebhookCreated> createWebhook(@Valid @RequestBody WebhookRequest request) {
        WebhookCreated created = service.create(request);
        return ResponseEntity.created(URI.create("/api/v1/webhooks/" + created.webhook().id())).body(created);
    }

    @GetMapping("/{id}")
    Webhook getWebhook(@PathVariable long id) {
        return service.get(id);
    }

    @PutMapping("/{id}")
    Webhook updateWebhook(@PathVariable long id, @Valid @RequestBody WebhookRequest request) {
        return service.update(id, request);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> deleteWebhook(@PathVariable long id) {
        service.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/test")
    WebhookDelivery testWebhook(@PathVariable long id) {
        return service.test(id);
    }

    @GetMapping("/{id}/deliveries")
    List<WebhookDelivery> listWebhookDeliveries(@PathVariable long id) {
        return service.deliveries(id);
    }
}
