package io.github.camelmessenger.send;

/**
 * The Page inbox as an app of the handover protocol: pass a conversation to it (operation passThreadControl with
 * this CamelMessengerTargetAppId) and the Page's people answer it in Meta Business Suite.
 */
public final class PageInbox {

    /** The app id of the Page inbox, the same for every Page. */
    public static final String APP_ID = "263902037430900";

    private PageInbox() {
    }
}
