package io.github.camelmessenger.send.model;

/**
 * Where the messages go: Facebook Messenger, or Instagram messaging through the same Send API (with its own limits).
 */
public enum Platform {
    MESSENGER,
    /** Instagram: text at most 1000 bytes, HUMAN_AGENT the only tag, at most 10 images, like_heart and MEDIA_SHARE. */
    INSTAGRAM
}
