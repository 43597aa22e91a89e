package io.github.camelmessenger.send.model;

import io.github.camelmessenger.send.validation.SendProfile;

/**
 * Where the messages go: Facebook Messenger, or Instagram messaging through the same Send API (with its own limits).
 */
public enum Platform {
    MESSENGER,
    /** Instagram: text at most 1000 bytes, HUMAN_AGENT the only tag, at most 10 images, like_heart and MEDIA_SHARE. */
    INSTAGRAM;

    /** The rules validation holds a send to on this platform. */
    public SendProfile sendProfile() {
        return switch (this) {
            case MESSENGER -> SendProfile.MESSENGER;
            case INSTAGRAM -> SendProfile.INSTAGRAM;
        };
    }
}
