package com.hyperlocal.flashsale.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The cheapest possible answer through the full HTTP stack: the benchmark's HTTP ceiling. */
@RestController
class PingController {

    @GetMapping(path = "/api/v1/ping", produces = "text/plain")
    String ping() {
        return "pong";
    }
}
