package io.github.camelmessenger.send.model;

/**
 * How the person's device announces the message: {@code notification_type} of the Send API.
 */
public enum NotificationType {
    /** Sound or vibration (Meta's default). */
    REGULAR,
    /** An on-screen notification only. */
    SILENT_PUSH,
    /** No notification. */
    NO_PUSH
}
