package io.github.camelmessenger.send.validation;

/**
 * Which of Meta's rule sets a send is held to: Messenger's or Instagram's, and whether the attachment's file goes
 * with the request (multipart) instead of being named by url or attachment_id.
 */
public enum SendProfile {
    MESSENGER(false, false),
    /** Instagram: text at most 1000 bytes, HUMAN_AGENT the only tag, at most 10 images, like_heart and MEDIA_SHARE. */
    INSTAGRAM(true, false), MESSENGER_WITH_FILE(false, true), INSTAGRAM_WITH_FILE(true, true);

    private final boolean instagram;
    private final boolean fileAttached;

    SendProfile(boolean instagram, boolean fileAttached) {
        this.instagram = instagram;
        this.fileAttached = fileAttached;
    }

    /** The same platform, with the attachment's file sent alongside the request. */
    public SendProfile withFileAttached() {
        return instagram ? INSTAGRAM_WITH_FILE : MESSENGER_WITH_FILE;
    }

    /** Whether Instagram's own limits and attachment types apply on top of the Send API's. */
    public boolean instagram() {
        return instagram;
    }

    /** Whether the attachment's file is sent with the request, so its payload names no url or attachment_id. */
    public boolean fileAttached() {
        return fileAttached;
    }
}
