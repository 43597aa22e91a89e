package io.github.camelmessenger.simulator.browser;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.github.camelmessenger.simulator.GraphSimulator;
import io.github.camelmessenger.simulator.WebhookSubscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/** The local Messenger page in a real browser: Messenger's rendering, live updates and the person's side. */
class LocalMessengerPageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private GraphSimulator simulator;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void start() {
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (simulator != null) {
                simulator.close();
            }
        }
    }

    private void send(String psid, String message) throws Exception {
        String body = "{\"recipient\":{\"id\":\"" + psid + "\"},\"messaging_type\":\"RESPONSE\",\"message\":" + message
                + "}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.baseUri() + "/v23.0/" + simulator.pageId()
                + "/messages")).header("Authorization", "Bearer " + GraphSimulator.DEFAULT_TOKEN)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private WebElement message(String kind) {
        return wait.until(ExpectedConditions
                .visibilityOfElementLocated(By.cssSelector(".thread.active [data-from=page][data-kind=" + kind + "]")));
    }

    private static String text(WebElement in, String css) {
        return in.findElement(By.cssSelector(css)).getText();
    }

    @Test
    void everyKindIsShownAsMessengerShowsIt() throws Exception {
        simulator = GraphSimulator.start(GraphSimulator.Settings.defaults());
        String psid = "psid-kinds";
        send(psid, "{\"text\":\"Hello! What would you like?\"}");
        send(psid, "{\"attachment\":{\"type\":\"template\",\"payload\":{\"template_type\":\"generic\",\"elements\":["
                + "{\"title\":\"Classic T-shirt\",\"subtitle\":\"Soft cotton, 19.99\",\"image_url\":\"data:image/svg+xml,"
                + "%3Csvg xmlns='http://www.w3.org/2000/svg' width='260' height='136'%3E%3Crect width='260' height='136' "
                + "fill='%23ffb74d'/%3E%3C/svg%3E\",\"default_action\":{\"type\":\"web_url\",\"url\":\"https://shop.example/tee\"},"
                + "\"buttons\":[{\"type\":\"postback\",\"title\":\"Buy\",\"payload\":\"BUY_TEE\"},"
                + "{\"type\":\"web_url\",\"title\":\"View\",\"url\":\"https://shop.example/tee\"}]},"
                + "{\"title\":\"Hoodie\",\"subtitle\":\"Warm\",\"buttons\":[{\"type\":\"postback\",\"title\":\"Buy hoodie\","
                + "\"payload\":\"BUY_HOODIE\"}]}]}}}");
        send(psid,
                "{\"attachment\":{\"type\":\"template\",\"payload\":{\"template_type\":\"button\",\"text\":\"Need help?\","
                        + "\"buttons\":[{\"type\":\"postback\",\"title\":\"Talk to us\",\"payload\":\"HELP\"},"
                        + "{\"type\":\"web_url\",\"title\":\"FAQ\",\"url\":\"https://shop.example/faq\"}]}}}");
        send(psid, "{\"attachment\":{\"type\":\"template\",\"payload\":{\"template_type\":\"media\",\"elements\":["
                + "{\"media_type\":\"video\",\"url\":\"https://cdn.example/clip.mp4\",\"buttons\":[{\"type\":\"web_url\","
                + "\"title\":\"Watch more\",\"url\":\"https://shop.example/videos\"}]}]}}}");
        send(psid,
                "{\"attachment\":{\"type\":\"template\",\"payload\":{\"template_type\":\"receipt\",\"recipient_name\":"
                        + "\"Ada Lovelace\",\"order_number\":\"A-1001\",\"currency\":\"EUR\",\"payment_method\":\"Visa 1234\","
                        + "\"elements\":[{\"title\":\"Classic T-shirt\",\"quantity\":2,\"price\":39.98}],"
                        + "\"summary\":{\"subtotal\":39.98,\"total_cost\":44.98}}}}");
        send(psid,
                "{\"attachment\":{\"type\":\"template\",\"payload\":{\"template_type\":\"coupon\",\"title\":\"10% off\","
                        + "\"subtitle\":\"On your next order\",\"coupon_code\":\"SAVE10\",\"coupon_url\":\"https://shop.example/c\","
                        + "\"coupon_url_button_title\":\"Shop now\",\"payload\":\"COUPON_SAVE10\"}}}");
        send(psid,
                "{\"attachment\":{\"type\":\"template\",\"payload\":{\"template_type\":\"customer_feedback\",\"title\":"
                        + "\"Rate your experience\",\"subtitle\":\"Tell us how we did\",\"button_title\":\"Rate\","
                        + "\"feedback_screens\":[{\"questions\":[{\"id\":\"q1\",\"type\":\"csat\",\"title\":\"How was it?\","
                        + "\"score_label\":\"neg_pos\",\"score_option\":\"five_stars\"}]}],\"business_privacy\":{\"url\":"
                        + "\"https://shop.example/privacy\"}}}}");
        send(psid, "{\"attachment\":{\"type\":\"template\",\"payload\":{\"template_type\":\"product\",\"elements\":["
                + "{\"id\":\"1234567890\"}]}}}");
        send(psid, "{\"attachment\":{\"type\":\"image\",\"payload\":{\"url\":\"data:image/svg+xml,%3Csvg xmlns="
                + "'http://www.w3.org/2000/svg' width='200' height='120'%3E%3Crect width='200' height='120' "
                + "fill='%2364b5f6'/%3E%3C/svg%3E\"}}}");
        send(psid, "{\"attachment\":{\"type\":\"file\",\"payload\":{\"url\":\"https://cdn.example/invoice.pdf\"}}}");
        send(psid, "{\"text\":\"Pick a size\",\"quick_replies\":[{\"content_type\":\"text\",\"title\":\"Small\","
                + "\"payload\":\"SIZE_S\"},{\"content_type\":\"text\",\"title\":\"Large\",\"payload\":\"SIZE_L\"}]}");

        driver.get(simulator.baseUri() + "/");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".thread.active [data-mid]"), 11));
        assertThat(driver.findElement(By.cssSelector("[data-psid='" + psid + "']")).getText()).contains(psid);

        WebElement text = message("text");
        assertThat(text.getText()).contains("Hello! What would you like?");

        WebElement generic = message("generic");
        List<WebElement> cards = generic.findElements(By.cssSelector(".card"));
        assertThat(cards).hasSize(2);
        assertThat(text(cards.get(0), ".card-title")).isEqualTo("Classic T-shirt");
        assertThat(text(cards.get(0), ".card-sub")).isEqualTo("Soft cotton, 19.99");
        assertThat(cards.get(0).findElement(By.tagName("img")).getAttribute("src")).startsWith("data:image/svg+xml");
        assertThat(cards.get(0).getAttribute("data-default-action")).isEqualTo("https://shop.example/tee");
        assertThat(text(cards.get(0), "[data-postback-payload=BUY_TEE]")).isEqualTo("Buy");
        WebElement view = cards.get(0).findElement(By.cssSelector("a[data-url-button]"));
        assertThat(view.getText()).isEqualTo("View");
        assertThat(view.getAttribute("href")).isEqualTo("https://shop.example/tee");
        assertThat(view.getAttribute("target")).isEqualTo("_blank");
        assertThat(text(cards.get(1), "[data-postback-payload=BUY_HOODIE]")).isEqualTo("Buy hoodie");

        WebElement button = message("button");
        assertThat(text(button, ".tpl-text")).isEqualTo("Need help?");
        assertThat(text(button, "[data-postback-payload=HELP]")).isEqualTo("Talk to us");
        assertThat(button.findElement(By.cssSelector("a[data-url-button]")).getAttribute("href"))
                .isEqualTo("https://shop.example/faq");

        WebElement media = message("media");
        assertThat(media.findElement(By.tagName("video")).getAttribute("src"))
                .isEqualTo("https://cdn.example/clip.mp4");
        assertThat(text(media, "a[data-url-button]")).isEqualTo("Watch more");

        WebElement receipt = message("receipt");
        assertThat(receipt.getText()).contains("Ada Lovelace", "A-1001", "Classic T-shirt × 2", "EUR 39.98",
                "EUR 44.98");
        assertThat(text(receipt, ".r-total")).contains("Total").contains("EUR 44.98");

        WebElement coupon = message("coupon");
        assertThat(text(coupon, ".card-title")).isEqualTo("10% off");
        assertThat(text(coupon, ".card-sub")).isEqualTo("On your next order");
        assertThat(text(coupon, ".coupon-code")).isEqualTo("SAVE10");
        assertThat(text(coupon, "a[data-url-button]")).isEqualTo("Shop now");
        assertThat(coupon.findElement(By.cssSelector("a[data-url-button]")).getAttribute("href"))
                .isEqualTo("https://shop.example/c");

        WebElement feedback = message("feedback");
        assertThat(text(feedback, ".card-title")).isEqualTo("Rate your experience");
        assertThat(text(feedback, ".card-sub")).isEqualTo("Tell us how we did");
        assertThat(text(feedback, ".buttons button")).isEqualTo("Rate");

        WebElement product = message("product");
        assertThat(product.findElement(By.cssSelector("[data-product-id]")).getAttribute("data-product-id"))
                .isEqualTo("1234567890");

        WebElement image = message("image");
        assertThat(image.findElement(By.tagName("img")).getAttribute("src")).startsWith("data:image/svg+xml");
        WebElement file = message("file");
        assertThat(file.findElement(By.cssSelector("a.file")).getText()).isEqualTo("invoice.pdf");
        assertThat(file.findElement(By.cssSelector("a.file")).getAttribute("href"))
                .isEqualTo("https://cdn.example/invoice.pdf");

        List<WebElement> chips = driver.findElements(By.cssSelector(".thread.active [data-quick-reply-payload]"));
        assertThat(chips).extracting(WebElement::getText).containsExactly("Small", "Large");
        assertThat(chips).extracting(c -> c.getAttribute("data-quick-reply-payload")).containsExactly("SIZE_S",
                "SIZE_L");

        for (WebElement each : driver.findElements(By.cssSelector(".thread.active [data-mid]"))) {
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", each);
            Browser.screenshot(each, "kind-" + each.getAttribute("data-kind"));
        }
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "var t=document.querySelector('.thread.active');"
                        + "t.scrollTop=t.querySelector('[data-kind=generic]').offsetTop-16;");
        Path page = Browser.screenshot(driver, "local-messenger");
        if (Boolean.getBoolean("screenshots.update")) {
            Path docs = Path.of("..", "docs", "images");
            Files.createDirectories(docs);
            Files.copy(page, docs.resolve("local-messenger.png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void aFailedSendShowsNotDelivered() throws Exception {
        simulator = GraphSimulator.start(GraphSimulator.Settings.defaults());
        send("sim-blocked", "{\"text\":\"Are you there?\"}");
        driver.get(simulator.baseUri() + "/");
        WebElement error = message("error");
        assertThat(error.getAttribute("data-kind")).isEqualTo("error");
        assertThat(error.getText()).isEqualTo("not delivered: (#551) This person isn't available right now.");
        Browser.screenshot(error, "failed-send");
    }

    @Test
    void messagesAppearLiveInOrder() throws Exception {
        simulator = GraphSimulator.start(GraphSimulator.Settings.defaults());
        driver.get(simulator.baseUri() + "/");
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-page-name]"), "1122334455"));
        for (int i = 1; i <= 200; i++) {
            send("psid-live", "{\"text\":\"live " + i + "\"}");
            Thread.sleep(20);
        }
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-mid]"), 200));
        List<String> texts = driver.findElements(By.cssSelector("[data-mid] .bubble")).stream()
                .map(e -> e.getAttribute("textContent")).collect(Collectors.toList());
        assertThat(texts).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 200).mapToObj(i -> "live " + i).collect(Collectors.toList()));
        Browser.screenshot(driver, "live");
    }

    @Test
    void thePersonSideBecomesSignedWebhookCalls() throws Exception {
        List<String[]> received = new CopyOnWriteArrayList<>();
        HttpServer app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        app.createContext("/webhook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String query = exchange.getRequestURI().getRawQuery();
            received.add(new String[] { exchange.getRequestMethod(), query == null ? "" : query,
                    exchange.getRequestHeaders().getFirst("X-Hub-Signature-256"), body });
            byte[] answer = new byte[0];
            if ("GET".equals(exchange.getRequestMethod())) {
                String challenge = param(query, "hub.challenge");
                answer = challenge.getBytes(StandardCharsets.UTF_8);
                boolean ok = "subscribe".equals(param(query, "hub.mode"))
                        && "verify-me".equals(param(query, "hub.verify_token"));
                exchange.sendResponseHeaders(ok ? 200 : 403, ok ? answer.length : -1);
            } else {
                exchange.sendResponseHeaders(200, -1);
            }
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
            exchange.close();
        });
        app.start();
        try {
            String url = "http://127.0.0.1:" + app.getAddress().getPort() + "/webhook";
            simulator = GraphSimulator.start(GraphSimulator.Settings.defaults()
                    .withWebhook(WebhookSubscription.of(url, "verify-me", "app-secret")));
            assertThat(received).hasSize(1);
            assertThat(received.get(0)[0]).isEqualTo("GET");
            assertThat(param(received.get(0)[1], "hub.mode")).isEqualTo("subscribe");
            assertThat(param(received.get(0)[1], "hub.verify_token")).isEqualTo("verify-me");

            send("psid-person",
                    "{\"text\":\"Pick one\",\"quick_replies\":[{\"content_type\":\"text\",\"title\":\"Red\","
                            + "\"payload\":\"COLOR_RED\"}]}");
            driver.get(simulator.baseUri() + "/");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-psid=psid-person]")));
            // the chips of the Page's latest message go away once the person answers, so the chip comes first
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-quick-reply-payload=COLOR_RED]")))
                    .click();
            waitFor(received, 2);
            WebElement textarea = wait.until(
                    ExpectedConditions.elementToBeClickable(By.cssSelector("form[data-composer] textarea[name=text]")));
            textarea.sendKeys("hi");
            textarea.sendKeys(Keys.ENTER);
            WebElement mine = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//*[@data-mid and @data-from='person' and @data-kind='text'][.//*[text()='hi']]")));
            assertThat(mine.getText()).isEqualTo("hi");
            waitFor(received, 3);
            assertThat(driver.findElements(By.cssSelector("[data-mid][data-from=person]"))).hasSize(2);

            JsonNode say = verified(received.get(2));
            JsonNode messaging = say.at("/entry/0/messaging/0");
            assertThat(say.path("object").asText()).isEqualTo("page");
            assertThat(say.at("/entry/0/id").asText()).isEqualTo(GraphSimulator.DEFAULT_PAGE_ID);
            assertThat(messaging.at("/sender/id").asText()).isEqualTo("psid-person");
            assertThat(messaging.at("/recipient/id").asText()).isEqualTo(GraphSimulator.DEFAULT_PAGE_ID);
            assertThat(messaging.path("timestamp").asLong()).isPositive();
            assertThat(messaging.at("/message/text").asText()).isEqualTo("hi");
            assertThat(messaging.at("/message/mid").asText()).isEqualTo(mine.getAttribute("data-mid"));

            JsonNode tap = verified(received.get(1));
            assertThat(tap.at("/entry/0/messaging/0/message/quick_reply/payload").asText()).isEqualTo("COLOR_RED");
            Browser.screenshot(driver, "person-side");
        } finally {
            app.stop(0);
        }
    }

    private void waitFor(List<String[]> received, int count) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> received.size() >= count);
    }

    private static JsonNode verified(String[] call) throws Exception {
        assertThat(call[0]).isEqualTo("POST");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("app-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(call[3].getBytes(StandardCharsets.UTF_8)));
        assertThat(call[2]).isEqualTo(expected);
        return JSON.readTree(call[3]);
    }

    private static String param(String query, String name) {
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            if (URLDecoder.decode(kv[0], StandardCharsets.UTF_8).equals(name)) {
                return kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
            }
        }
        return null;
    }

}
