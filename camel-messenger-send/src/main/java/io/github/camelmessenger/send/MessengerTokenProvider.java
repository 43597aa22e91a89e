package io.github.camelmessenger.send;

/**
 * Supplies the Page access token for each Page a route sends from, for tokens kept in a vault or rotated. Set it
 * with the {@code tokenProvider} option (a bean reference such as {@code #pageTokens}); it is asked on every send,
 * so it should answer from memory.
 */
@FunctionalInterface
public interface MessengerTokenProvider {

    /** The access token of this Page, or null when the provider has none (then pageToken.* and accessToken apply). */
    String accessToken(String pageId);
}
