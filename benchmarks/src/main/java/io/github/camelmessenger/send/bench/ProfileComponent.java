package io.github.camelmessenger.send.bench;

/**
 * Keeps 64 sends in flight through the component for a while, for a profiler (JFR) to watch:
 * {@code java -XX:StartFlightRecording=filename=component.jfr,settings=profile -cp ... ProfileComponent 20}.
 */
public final class ProfileComponent {

    private ProfileComponent() {
    }

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 20;
        try (StubProcess stub = StubProcess.start(0);
                Senders.AsyncSender component = Senders.component(stub.baseUri(), "")) {
            Measurement m = LoadDriver.run(component, 64, 3_000, seconds * 1000);
            System.out.printf("component at 64 in flight: %.0f msgs/s, %.2f cpu us/msg%n", m.messagesPerSecond(),
                    m.cpuMicrosPerMessage());
        }
    }
}
