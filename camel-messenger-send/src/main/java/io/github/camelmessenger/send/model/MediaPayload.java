package io.github.camelmessenger.send.model;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The payload of an image, audio, video or file attachment: a URL or the id of an uploaded attachment.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
                isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class MediaPayload implements AttachmentPayload {

    @JsonProperty("url")
    private String url;
    @JsonProperty("attachment_id")
    private String attachmentId;
    @JsonProperty("is_reusable")
    private Boolean reusable;

    MediaPayload() {
        // for Jackson
    }

    private MediaPayload(String url, String attachmentId, Boolean reusable) {
        this.url = url;
        this.attachmentId = attachmentId;
        this.reusable = reusable;
    }

    public static MediaPayload url(String url) {
        return new MediaPayload(url, null, null);
    }

    /** A URL whose attachment Meta keeps, answering its {@code attachment_id} for reuse. */
    public static MediaPayload reusableUrl(String url) {
        return new MediaPayload(url, null, Boolean.TRUE);
    }

    public static MediaPayload attachmentId(String attachmentId) {
        return new MediaPayload(null, attachmentId, null);
    }

    public String getUrl() {
        return url;
    }

    public String getAttachmentId() {
        return attachmentId;
    }

    public Boolean getReusable() {
        return reusable;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MediaPayload other && Objects.equals(url, other.url)
                && Objects.equals(attachmentId, other.attachmentId) && Objects.equals(reusable, other.reusable);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, attachmentId, reusable);
    }
}
