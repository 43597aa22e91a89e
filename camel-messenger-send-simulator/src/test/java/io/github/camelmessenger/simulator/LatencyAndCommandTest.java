package io.github.camelmessenger.simulator;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Latency as written on the command line, and the stand-alone command's options. */
class LatencyAndCommandTest {

    @Test
    void latencyReadsFixedAndPercentilePairs() {
        assertThat(Latency.parse("250ms").p50()).isEqualTo(Duration.ofMillis(250));
        assertThat(Latency.parse("250").p99()).isEqualTo(Duration.ofMillis(250));
        assertThat(Latency.parse("1.5s").p50()).isEqualTo(Duration.ofMillis(1500));
        Latency spread = Latency.parse("200ms/800ms");
        assertThat(spread.p50()).isEqualTo(Duration.ofMillis(200));
        assertThat(spread.p99()).isEqualTo(Duration.ofMillis(800));
        assertThat(spread).hasToString("200ms/800ms");
    }

    @Test
    void badLatencyNamesWhatIsWrong() {
        assertThatThrownBy(() -> Latency.parse("soon")).hasMessage(
                "latency 'soon' is not a duration like 250ms, 1s or 200ms/800ms");
        assertThatThrownBy(() -> Latency.parse("800ms/200ms")).hasMessage(
                "p99 (200 ms) must be at least p50 (800 ms)");
    }

    @Test
    void theCommandTakesNamedOptionsAndSecretsFromTheEnvironment() {
        Map<String, String> options = SimulatorCommand.options(new String[] { "--port", "0", "--latency=250ms",
                "--webhook", "http://localhost:8080/messenger", "--rate", "5" });
        GraphSimulator.Settings settings = SimulatorCommand.settings(options,
                Map.of("MESSENGER_VERIFY_TOKEN", "vt", "MESSENGER_APP_SECRET", "as"));

        assertThat(SimulatorCommand.port(options)).isZero();
        assertThat(settings.latency().p50()).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.messagesPerSecond()).isEqualTo(5);
        assertThat(settings.webhook().callbackUrl()).hasToString("http://localhost:8080/messenger");
        assertThat(settings.webhook().verifyToken()).isEqualTo("vt");
        assertThat(settings.webhook().appSecret()).isEqualTo("as");
        assertThat(settings.webhook()).hasToString("WebhookSubscription[http://localhost:8080/messenger]");
    }

    @Test
    void theOlderPositionalFormStillWorks() {
        Map<String, String> options = SimulatorCommand.options(new String[] { "9000", "10" });
        assertThat(SimulatorCommand.port(options)).isEqualTo(9000);
        assertThat(SimulatorCommand.settings(options, Map.of()).messagesPerSecond()).isEqualTo(10);
    }

    @Test
    void aWebhookWithoutItsSecretsIsRefused() {
        Map<String, String> options = SimulatorCommand.options(new String[] { "--webhook", "http://localhost:1/x" });
        assertThatThrownBy(() -> SimulatorCommand.settings(options, Map.of()))
                .hasMessageContaining("--webhook needs --verify-token");
    }
}
