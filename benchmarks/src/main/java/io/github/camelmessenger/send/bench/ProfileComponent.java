package io.github.camelmessenger.send.bench;

/**
 * Keeps 64 sends (or the third argument's number) in flight through the component (or, with {@code floor} or {@code raw} as second argument, through
 * the Camel floor or raw AsyncHttpClient) for a while, for a profiler (JFR) to watch:
 * {@code java -XX:StartFlightRecording=filename=component.jfr,settings=profile -cp ... ProfileComponent 20}.
 */
public final class ProfileComponent {

    private ProfileComponent() {
    }

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 20;
        String which = args.length > 1 ? args[1] : "component";
        int inFlight = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        try (StubProcess stub = StubProcess.start(0);
                Senders.AsyncSender sender = switch (which) {
                    case "floor" -> Senders.camelFloor(stub.baseUri());
                    case "raw" -> Senders.rawAsyncHttpClient(stub.baseUri());
                    default -> Senders.component(stub.baseUri(), "");
                }) {
            Measurement m = LoadDriver.run(sender, inFlight, 8_000, seconds * 1000);
            System.out.printf("%s at %d in flight: %.0f msgs/s, %.2f cpu us/msg%n", which, inFlight,
                    m.messagesPerSecond(), m.cpuMicrosPerMessage());
        }
    }
}
