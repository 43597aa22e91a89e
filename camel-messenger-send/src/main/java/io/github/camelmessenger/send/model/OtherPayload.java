package io.github.camelmessenger.send.model;

/**
 * The payload of an attachment type the model has no class for, read from JSON and written back unchanged.
 */
public final class OtherPayload extends PassThroughFields implements AttachmentPayload {
}
