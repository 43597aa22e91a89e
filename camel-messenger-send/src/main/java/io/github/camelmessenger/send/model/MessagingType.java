package io.github.camelmessenger.send.model;

/**
 * Why a message is sent: {@code messaging_type} of the Send API.
 */
public enum MessagingType {
    /** A reply to a message the person sent, within the standard messaging window. */
    RESPONSE,
    /** A proactive message within the standard messaging window. */
    UPDATE,
    /** A message outside the standard window, allowed by a message tag. */
    MESSAGE_TAG,
    /** A utility template message (order, account and appointment updates). */
    UTILITY
}
