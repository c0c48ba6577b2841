package com.hyperlocal.flashsale.dev.identity;

import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code TOKEN=$(curl -s -X POST 'localhost:8080/dev/token?sub=asha')}: the token as plain text. */
@RestController
@ConditionalOnProperty(name = "flashsale.dev-identity.enabled", havingValue = "true")
class DevTokenController {

    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._:@|+-]{1,64}");

    private final DevIssuer issuer;

    DevTokenController(DevIssuer issuer) {
        this.issuer = issuer;
    }

    @PostMapping(path = "/dev/token", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> token(@RequestParam String sub) {
        if (!SUBJECT.matcher(sub).matches()) {
            return ResponseEntity.badRequest()
                    .contentType(MediaType.TEXT_PLAIN)
                    .body("sub: 1-64 of letters, digits and . _ : @ | + -\n");
        }
        return ResponseEntity.ok(issuer.mint(sub) + "\n");
    }
}
