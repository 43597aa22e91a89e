package io.github.camelmessenger.send;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/**
 * Answers Meta's subscription check, {@code GET ?hub.mode=subscribe&hub.verify_token=T&hub.challenge=C}: the
 * challenge when T is the verify token, 403 when it is not (or no verify token is set), 400 when a parameter is
 * missing. The tokens are compared through their SHA-256 digests, in a time that does not depend on where they
 * differ nor on their lengths.
 */
final class SubscriptionCheck {

    static final String MODE = "hub.mode";
    static final String VERIFY_TOKEN = "hub.verify_token";
    static final String CHALLENGE = "hub.challenge";

    private final byte[] expected;

    SubscriptionCheck(String verifyToken) {
        this.expected = verifyToken == null || verifyToken.isEmpty() ? null : digest(verifyToken);
    }

    HttpAnswer answer(Map<String, String> query) {
        String mode = query.get(MODE);
        String token = query.get(VERIFY_TOKEN);
        String challenge = query.get(CHALLENGE);
        if (mode == null || token == null || challenge == null) {
            return HttpAnswer.text(400, "The subscription check needs hub.mode, hub.verify_token and hub.challenge");
        }
        boolean tokenMatches = expected != null && MessageDigest.isEqual(expected, digest(token));
        if (!"subscribe".equals(mode) || !tokenMatches) {
            return HttpAnswer.text(403, "The verify token does not match");
        }
        return HttpAnswer.text(200, challenge);
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
