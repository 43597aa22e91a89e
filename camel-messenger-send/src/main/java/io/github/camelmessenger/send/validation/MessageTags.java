package io.github.camelmessenger.send.validation;

import java.util.Locale;
import java.util.Set;

/**
 * Message tags. The set is open (Meta adds tags and the component passes any tag on), except for the tags Meta
 * retired: those are refused before sending, with what to use instead.
 */
public final class MessageTags {

    public static final String HUMAN_AGENT = "HUMAN_AGENT";
    public static final String CUSTOMER_FEEDBACK = "CUSTOMER_FEEDBACK";
    public static final String NON_PROMOTIONAL_SUBSCRIPTION = "NON_PROMOTIONAL_SUBSCRIPTION";

    private static final Set<String> RETIRED_2026 = Set.of("CONFIRMED_EVENT_UPDATE", "ACCOUNT_UPDATE",
            "POST_PURCHASE_UPDATE");

    private static final Set<String> RETIRED_2020 = Set.of("SHIPPING_UPDATE", "RESERVATION_UPDATE",
            "ISSUE_RESOLUTION", "APPOINTMENT_UPDATE", "GAME_EVENT", "TRANSPORTATION_UPDATE",
            "FEATURE_FUNCTIONALITY_UPDATE", "TICKET_UPDATE", "PAIRING_UPDATE", "APPLICATION_UPDATE", "PAYMENT_UPDATE",
            "PERSONAL_FINANCE_UPDATE", "COMMUNITY_ALERT", "CONFIRMED_EVENT_REMINDER", "BUSINESS_PRODUCTIVITY");

    private MessageTags() {
    }

    /** Why and since when a tag is refused, and what to use instead; null for a tag Meta accepts. */
    public static String retirement(String tag) {
        String normalized = tag == null ? "" : tag.trim().toUpperCase(Locale.ROOT);
        if (RETIRED_2026.contains(normalized)) {
            return "tag " + normalized + " was retired by Meta on 27 April 2026 (Meta answers error 100); send a "
                    + "utility template with messaging type UTILITY instead";
        }
        if (RETIRED_2020.contains(normalized)) {
            return "tag " + normalized + " was retired by Meta on 4 March 2020; use HUMAN_AGENT for a human reply, "
                    + "CUSTOMER_FEEDBACK for the feedback template, NON_PROMOTIONAL_SUBSCRIPTION for registered news "
                    + "publishers, or a utility template with messaging type UTILITY";
        }
        return null;
    }
}
