package io.github.camelmessenger.send.graph;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code appsecret_proof}: lower-case hex of HMAC-SHA256 with the app secret as key over the access token. The same
 * HMAC, over a webhook call's body, is Meta's webhook signature.
 */
public final class AppSecretProof {

    private AppSecretProof() {
    }

    public static String of(String appSecret, String accessToken) {
        return HexFormat.of().formatHex(hmacSha256(appSecret, accessToken.getBytes(StandardCharsets.UTF_8)));
    }

    /** HMAC-SHA256 of the message, keyed with the app secret. */
    public static byte[] hmacSha256(String appSecret, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is required of every JRE
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
