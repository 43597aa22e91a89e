package io.github.camelmessenger.send.validation;

/**
 * Meta's documented limits for a send: the one table that the producer's validation and the model builders share.
 * Lengths count Unicode code points.
 */
public enum SendApiLimit {

    TEXT(2000, "characters"), QUICK_REPLIES(13, "quick replies"), QUICK_REPLY_TITLE(20,
            "characters"), QUICK_REPLY_PAYLOAD(1000, "characters"), METADATA(1000, "characters"), ATTACHMENTS(30,
                    "attachments"), GENERIC_ELEMENTS(10, "elements"), ELEMENT_TITLE(80, "characters"), ELEMENT_SUBTITLE(
                            80, "characters"), ELEMENT_BUTTONS(3, "buttons"), BUTTON_TEMPLATE_TEXT(640,
                                    "characters"), BUTTON_TEMPLATE_BUTTONS(3, "buttons"), MEDIA_ELEMENTS(1,
                                            "element"), PRODUCT_ELEMENTS(10, "products"), BUTTON_TITLE(20,
                                                    "characters"), POSTBACK_PAYLOAD(1000, "characters"), FILE_BYTES(
                                                            25 * 1024 * 1024, "bytes"), INSTAGRAM_TEXT_BYTES(1000,
                                                                    "bytes"), INSTAGRAM_ATTACHMENTS(10,
                                                                            "images"), NOTIFICATION_MESSAGES_TITLE(65,
                                                                                    "characters");

    private final int max;
    private final String unit;

    SendApiLimit(int max, String unit) {
        this.max = max;
        this.unit = unit;
    }

    public int max() {
        return max;
    }

    public String unit() {
        return unit;
    }

    /** Whether a text of this many code points, or a list of this many items, is within the limit. */
    public boolean allows(int size) {
        return size <= max;
    }

    /** The problem text for a value over the limit, e.g. "has 2001 characters; the limit is 2000". */
    public String describeExcess(int size) {
        return "has " + size + " " + unit + "; the limit is " + max;
    }

    /** The length of a text as Meta counts it: in code points. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
