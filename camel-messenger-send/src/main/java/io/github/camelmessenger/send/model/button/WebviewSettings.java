package io.github.camelmessenger.send.model.button;

/**
 * The webview settings shared by URL buttons and a generic element's default action. Each method returns a copy.
 *
 * @param <T> the type that carries them
 */
public interface WebviewSettings<T extends WebviewSettings<T>> {

    T withWebviewHeightRatio(WebviewHeightRatio ratio);

    /** Lets the page use the Messenger Extensions SDK; the fallback URL opens where extensions are unavailable. */
    T withMessengerExtensions(String fallbackUrl);

    /** Hides the share button of the webview ({@code webview_share_button: hide}). */
    T withShareButtonHidden();
}
