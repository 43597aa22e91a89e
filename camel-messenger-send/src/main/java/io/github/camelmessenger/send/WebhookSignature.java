package io.github.camelmessenger.send;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's webhook signature: {@code X-Hub-Signature-256: sha256=<hex>}, the HMAC-SHA256 of the raw body bytes keyed
 * with the app secret. Hex digits of either case are accepted; the comparison takes the same time wherever the
 * values differ.
 */
final class WebhookSignature {

    static final String HEADER = "X-Hub-Signature-256";

    private static final String ALGORITHM = "HmacSHA256";
    private static final String PREFIX = "sha256=";

    private final SecretKeySpec key;

    private WebhookSignature(SecretKeySpec key) {
        this.key = key;
    }

    static WebhookSignature withSecret(String appSecret) {
        return new WebhookSignature(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
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
        return MessageDigest.isEqual(mac(body), given);
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is in every Java runtime; the key is never part of the message
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
