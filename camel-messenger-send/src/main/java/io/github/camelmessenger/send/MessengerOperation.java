package io.github.camelmessenger.send;

/**
 * What an exchange asks of the Graph API. Set with the {@code operation} option or the
 * {@code CamelMessengerOperation} header.
 */
public enum MessengerOperation {
    /** Send a message or sender action (the default); a file body is sent as a multipart attachment. */
    send,
    /** Upload an attachment once (a URL body, or a file) and answer its reusable attachment_id. */
    uploadAttachment,
    /** Create a persona from a Persona, Map or JSON body; answers it with its id. */
    createPersona,
    /** List the Page's personas. */
    listPersonas,
    /** Delete the persona named by the CamelMessengerPersonaId header (or the body). */
    deletePersona,
    /**
     * Handover protocol: pass the conversation with the person to the app in the CamelMessengerTargetAppId header
     * (the Page inbox is {@link PageInbox#APP_ID}). The body is ignored.
     */
    passThreadControl,
    /** Handover protocol: take the conversation with the person back (Primary Receiver). The body is ignored. */
    takeThreadControl,
    /** Handover protocol: ask the app that has the conversation to pass it to this app. The body is ignored. */
    requestThreadControl
}
