package dev.benchdeck.server.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The dashboard is a single-page app: its own routes (a bookmarked {@code /runs/42}, a reload) are
 * answered with its {@code index.html}, and the app's router takes it from there.
 */
@Controller
class DashboardRoutes {

    @GetMapping({"/targets", "/scenarios", "/scenarios/new", "/scenarios/{id}", "/runs", "/runs/{id}"})
    String dashboard() {
        return "forward:/index.html";
    }
}
