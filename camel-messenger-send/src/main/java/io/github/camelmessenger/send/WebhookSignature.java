package io.github.camelmessenger.send;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

import io.github.camelmessenger.send.graph.AppSecretProof;

/**
 * Meta's webhook signature: {@code X-Hub-Signature-256: sha256=<hex>}, the HMAC-SHA256 of the raw body bytes keyed
 * with the app secret. Hex digits of either case are accepted; the comparison takes the same time wherever the
 * values differ.
 */
final class WebhookSignature {

    static final String HEADER = "X-Hub-Signature-256";

    private static final String PREFIX = "sha256=";

    private final String appSecret;

    private WebhookSignature(String appSecret) {
        this.appSecret = appSecret;
    }

    static WebhookSignature withSecret(String appSecret) {
        return new WebhookSignature(appSecret);
    }

    /** Whether {@code headerValue} is a {@code sha256=} signature of {@code body} made with the app secret. */
    boolean matches(byte[] body, String headerValue) {
        if (headerValue == null) {
            return false;
        }
        String value = headerValue.trim();
        if (!value.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(value.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(AppSecretProof.hmacSha256(appSecret, body), given);
    }
}
