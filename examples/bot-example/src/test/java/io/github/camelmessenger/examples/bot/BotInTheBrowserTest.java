package io.github.camelmessenger.examples.bot;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmessenger.simulator.MessengerSimulatorExtension;
import io.github.camelmessenger.simulator.WebhookSubscription;
import io.github.camelmessenger.simulator.browser.Browser;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order bot in the local Messenger, in headless Chromium: the person types "hi" and taps a quick reply, and the
 * bot's replies appear in the thread. Every webhook call the bot received passed its signature check (the bot's
 * webhook refuses a call whose signature does not match with 403, and each call was answered 200).
 */
class BotInTheBrowserTest {

    private static final String VERIFY_TOKEN = "browser-verify-token";
    private static final String APP_SECRET = "browser-app-secret";

    @RegisterExtension
    static MessengerSimulatorExtension messenger = MessengerSimulatorExtension.create();

    private static Main bot;
    private static ChromeDriver driver;

    @BeforeAll
    static void start() throws Exception {
        driver = Browser.start();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        bot = BotApp.bot(Map.of("camel.server.port", String.valueOf(port), "bot.baseUri", messenger.baseUri(),
                "bot.accessToken", messenger.token(), "bot.verifyToken", VERIFY_TOKEN, "bot.appSecret", APP_SECRET));
        bot.start();
        messenger.webhook(WebhookSubscription.of("http://localhost:" + port + "/messenger", VERIFY_TOKEN, APP_SECRET));
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (bot != null) {
            bot.stop();
        }
    }

    @Test
    void thePersonChatsWithTheBot() throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.get(messenger.baseUri() + "/");
        WebElement newChat = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                "form[data-new-conversation] input[name=psid]")));
        newChat.sendKeys("psid-browser");
        driver.findElement(By.cssSelector("form[data-new-conversation] button")).click();
        WebElement text = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                "form[data-composer] textarea[name=text]")));

        text.sendKeys("hi");
        driver.findElement(By.cssSelector("form[data-composer] button")).click();
        WebElement chip = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                ".thread.active [data-quick-reply-payload=ORDER_STATUS]")));
        assertThat(driver.findElements(By.cssSelector(".thread.active [data-quick-reply-payload]")))
                .extracting(WebElement::getText).containsExactly("Track my order", "Talk to a human");
        chip.click();
        WebElement template = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                ".thread.active [data-from=page][data-kind=button]")));
        java.nio.file.Path shot = Browser.screenshot(driver, "bot-conversation");
        if (Boolean.getBoolean("screenshots.update")) {
            // the README's picture of the quick start
            java.nio.file.Files.copy(shot, java.nio.file.Path.of("../../docs/images/local-messenger-bot.png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }

        List<WebElement> messages = driver.findElements(By.cssSelector(".thread.active [data-mid]"));
        assertThat(messages).extracting(m -> m.getAttribute("data-from") + ":" + m.getAttribute("data-kind"))
                .containsExactly("person:text", "page:text", "person:text", "page:button");
        assertThat(messages.get(0).getText()).contains("hi");
        assertThat(messages.get(1).getText()).contains("Hi! I am the order bot. What can I do for you?");
        assertThat(messages.get(2).getText()).contains("Track my order");
        assertThat(template.getText()).contains("Order #1234 has shipped and arrives on Friday.");
        assertThat(template.findElement(By.cssSelector("[data-postback-payload=CANCEL_1234]")).getText())
                .isEqualTo("Cancel order");
        assertThat(driver.findElements(By.cssSelector("[data-webhook-failed]"))).isEmpty();

        List<Integer> statuses = webhookStatuses();
        assertThat(statuses).as("the app's answer to each webhook call").containsExactly(200, 200);
    }

    private static List<Integer> webhookStatuses() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(messenger.baseUri() + "/local/api/updates?after=0")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode updates = new ObjectMapper().readTree(answer.body()).path("updates");
        List<Integer> statuses = new java.util.ArrayList<>();
        for (JsonNode update : updates) {
            if (update.path("type").asText().equals("webhook")) {
                statuses.add(update.path("status").asInt());
            }
        }
        return statuses;
    }
}
