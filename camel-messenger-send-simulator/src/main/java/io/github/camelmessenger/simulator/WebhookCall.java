package io.github.camelmessenger.simulator;

/**
 * One webhook POST the simulator made and how the app answered it: the status (0 when the app could not be
 * reached), the body it sent, and the body the app answered.
 *
 * @param status       the HTTP status the app answered, or 0 when it was not reached
 * @param requestBody  the JSON the simulator posted, exactly as signed
 * @param responseBody what the app answered, or the reason it was not reached
 */
public record WebhookCall(int status, String requestBody, String responseBody) {

    /** Whether the app answered 200, as Meta requires. */
    public boolean accepted() {
        return status == 200;
    }
}
