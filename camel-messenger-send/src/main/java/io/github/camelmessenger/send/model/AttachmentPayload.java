package io.github.camelmessenger.send.model;

/**
 * The {@code payload} of an attachment: a media reference or a template.
 */
public interface AttachmentPayload {
}
