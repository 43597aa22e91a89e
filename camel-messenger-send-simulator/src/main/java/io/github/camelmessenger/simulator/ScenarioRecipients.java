package io.github.camelmessenger.simulator;

/**
 * Recipient ids (PSIDs) for which the simulator answers as Meta does for people it cannot reach.
 */
public final class ScenarioRecipients {

    /** Has blocked the Page: 551/1545041, "This person isn't available right now." */
    public static final String BLOCKED = "sim-blocked";
    /** No such person: 100/2018001, "No matching user found". */
    public static final String UNKNOWN = "sim-unknown";
    /** Last messaged the Page more than 24 hours ago: 10/2018278, outside the allowed window. */
    public static final String OUTSIDE_WINDOW = "sim-outside-window";
    /** Meta fails the first attempt of each message with 1200 (is_transient) and accepts the next. */
    public static final String TRANSIENT = "sim-transient";

    private ScenarioRecipients() {
    }
}
