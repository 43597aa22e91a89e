package io.github.camelmessenger.simulator;

import java.net.URI;

/**
 * Where the simulator delivers webhook events, as a Page's app is configured in the App Dashboard: the callback URL,
 * the verify token typed there, and the app secret that signs every POST.
 */
public record WebhookSubscription(URI callbackUrl, String verifyToken, String appSecret) {

    public WebhookSubscription {
        if (callbackUrl == null) {
            throw new IllegalArgumentException("callbackUrl is required");
        }
        if (verifyToken == null || verifyToken.isEmpty()) {
            throw new IllegalArgumentException("verifyToken is required");
        }
        if (appSecret == null || appSecret.isEmpty()) {
            throw new IllegalArgumentException("appSecret is required");
        }
    }

    public static WebhookSubscription of(String callbackUrl, String verifyToken, String appSecret) {
        return new WebhookSubscription(URI.create(callbackUrl), verifyToken, appSecret);
    }

    @Override
    public String toString() {
        // the token and the secret stay out of logs
        return "WebhookSubscription[" + callbackUrl + "]";
    }
}
