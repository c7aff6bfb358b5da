package dev.benchdeck.server.demo;

import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Small, predictable endpoints to benchmark: a fixed text, a delay, a status, random failures, an echo. */
@RestController
@RequestMapping("/demo")
class DemoEndpoints {

    static final String HELLO = "Hello from Benchdeck! This is a 100-byte text for benchmarks of the demo target....................\n";
    private static final long MAX_DELAY_MS = 60_000;

    @GetMapping(value = "/hello", produces = MediaType.TEXT_PLAIN_VALUE)
    String hello() {
        return HELLO;
    }

    @GetMapping(value = "/delay/{ms}", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> delay(@PathVariable long ms) throws InterruptedException {
        if (ms < 0 || ms > MAX_DELAY_MS) {
            return ResponseEntity.badRequest().body("delay must be 0.." + MAX_DELAY_MS + " ms\n");
        }
        Thread.sleep(ms);
        return ResponseEntity.ok("waited " + ms + " ms\n");
    }

    @GetMapping(value = "/status/{code}", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> status(@PathVariable int code) {
        if (code < 200 || code > 599) {
            return ResponseEntity.badRequest().body("status must be 200..599\n");
        }
        return ResponseEntity.status(code).body("status " + code + "\n");
    }

    @GetMapping(value = "/flaky/{percent}", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> flaky(@PathVariable double percent) {
        if (ThreadLocalRandom.current().nextDouble(100) < percent) {
            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body("failed on purpose\n");
        }
        return ResponseEntity.ok("ok\n");
    }

    @PostMapping("/echo")
    ResponseEntity<byte[]> echo(@RequestBody(required = false) byte[] body,
                                @RequestHeader(name = "Content-Type", required = false) String contentType) {
        return ResponseEntity.ok()
                .contentType(contentType == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(contentType))
                .body(body == null ? new byte[0] : body);
    }
}
