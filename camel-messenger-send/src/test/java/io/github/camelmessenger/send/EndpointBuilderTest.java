package io.github.camelmessenger.send;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelmessenger.send.dsl.MessengerSendEndpointBuilderFactory.AdvancedMessengerSendEndpointBuilder;
import io.github.camelmessenger.send.dsl.MessengerSendEndpointBuilderFactory.MessengerSendEndpointBuilder;
import io.github.camelmessenger.send.model.MessagingType;
import io.github.camelmessenger.send.model.NotificationType;
import org.apache.camel.BindToRegistry;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static io.github.camelmessenger.send.dsl.MessengerSendEndpointBuilderFactory.messengerSend;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The typed endpoint builder offers every option of the component metadata, and a route built with it sends
 * exactly what the URI form would.
 */
class EndpointBuilderTest extends MessengerSendTestSupport {

    /** A provider passed to the builder as an object. */
    private final MessengerTokenProvider provider = pageId -> "provided-" + pageId;

    /** A provider the builder refers to by bean reference. */
    @BindToRegistry("registeredTokens")
    private final MessengerTokenProvider registeredTokens = pageId -> "registered-" + pageId;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:dsl").to(messengerSend(PAGE_ID)
                        .accessToken(TOKEN)
                        .messagingType(MessagingType.UPDATE)
                        .notificationType(NotificationType.NO_PUSH)
                        .personaId("persona-dsl")
                        .recipientId("psid-dsl")
                        .rateLimitBackoff(5_000L)
                        .advanced()
                        .baseUri(baseUri())
                        .requestTimeout("20s"));
                from("direct:dsl-placeholders").to(messengerSend("{{page.id}}")
                        .accessToken("{{page.token}}")
                        .messagingType("{{page.messaging-type}}")
                        .advanced()
                        .baseUri(baseUri()));
                from("direct:dsl-dynamic").toD(messengerSend("${header.page}")
                        .accessToken(TOKEN)
                        .advanced()
                        .baseUri(baseUri()));
                from("direct:dsl-provider").to(messengerSend(PAGE_ID)
                        .tokenProvider(provider)
                        .advanced()
                        .baseUri(baseUri()));
                from("direct:dsl-provider-reference").to(messengerSend(PAGE_ID)
                        .tokenProvider("#registeredTokens")
                        .advanced()
                        .baseUri(baseUri()));
                from("direct:dsl-dynamic-provider").toD(messengerSend("${header.page}")
                        .tokenProvider(provider)
                        .advanced()
                        .baseUri(baseUri()));
            }
        };
    }

    @Override
    protected java.util.Properties useOverridePropertiesWithPropertiesComponent() {
        java.util.Properties properties = new java.util.Properties();
        properties.put("page.id", PAGE_ID);
        properties.put("page.token", TOKEN);
        properties.put("page.messaging-type", "UPDATE");
        return properties;
    }

    private static JsonNode metadata() throws Exception {
        try (InputStream in = EndpointBuilderTest.class.getClassLoader()
                .getResourceAsStream("META-INF/io/github/camelmessenger/send/messenger-send.json")) {
            return JSON.readTree(in);
        }
    }

    private static Set<String> options(JsonNode metadata, boolean advanced) {
        return metadata.path("properties").properties().stream()
                .filter(e -> !"path".equals(e.getValue().path("kind").asText()))
                .filter(e -> e.getValue().path("label").asText().contains("advanced") == advanced)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    private static Set<String> setters(Class<?> builder) {
        return Arrays.stream(builder.getMethods())
                .filter(m -> m.getReturnType() == builder && m.getParameterCount() == 1)
                .map(Method::getName).collect(Collectors.toSet());
    }

    @Test
    void offersEveryOptionOfTheComponentMetadata() throws Exception {
        JsonNode metadata = metadata();
        Set<String> basic = options(metadata, false);
        Set<String> advanced = options(metadata, true);
        Set<String> options = new java.util.HashSet<>(basic);
        options.addAll(advanced);
        Set<String> methods = new java.util.HashSet<>(setters(MessengerSendEndpointBuilder.class));
        methods.addAll(setters(AdvancedMessengerSendEndpointBuilder.class));

        assertThat(methods).containsAll(options);
        assertThat(options).hasSizeGreaterThanOrEqualTo(16);
        // the options labelled advanced are on advanced(), the others on the builder itself
        assertThat(setters(MessengerSendEndpointBuilder.class)).containsAll(basic)
                .doesNotContainAnyElementsOf(advanced);
        assertThat(setters(AdvancedMessengerSendEndpointBuilder.class)).containsAll(advanced)
                .doesNotContainAnyElementsOf(basic);
        assertThat(advanced).contains("baseUri", "requestTimeout");
    }

    @Test
    void advancedAndBasicSwitchBetweenTheTwoBuilders() {
        MessengerSendEndpointBuilder builder = messengerSend(PAGE_ID).accessToken(TOKEN);
        AdvancedMessengerSendEndpointBuilder advanced = builder.advanced().apiVersion("v23.0");

        assertThat(advanced.basic()).isSameAs(builder);
        assertThat(builder.getRawUri()).isEqualTo("messenger-send:" + PAGE_ID + "?accessToken=RAW(" + TOKEN
                + ")&apiVersion=RAW(v23.0)");
        // printing the builder masks the secret options
        assertThat(builder.toString()).isEqualTo("messenger-send:" + PAGE_ID
                + "?accessToken=xxxxxx&apiVersion=RAW(v23.0)");
        assertThat(messengerSend(PAGE_ID).pageToken("42", "secret-42").toString())
                .isEqualTo("messenger-send:" + PAGE_ID + "?pageToken.42=xxxxxx");
    }

    @Test
    void javadocComesFromTheMetadata() throws Exception {
        String source = Files.readString(Path.of(
                "src/generated/java/io/github/camelmessenger/send/dsl/MessengerSendEndpointBuilderFactory.java"),
                StandardCharsets.UTF_8);
        String apiVersion =
                source.substring(source.indexOf("/**", source.indexOf("default MessengerSendEndpointBuilder basic()")),
                        source.indexOf("AdvancedMessengerSendEndpointBuilder apiVersion(String apiVersion)"));
        apiVersion = apiVersion.substring(apiVersion.lastIndexOf("/**"));

        assertThat(apiVersion).contains("The Graph API version, such as v24.0.",
                "The option is a: <code>String</code> type.", "Default: v24.0", "Group: advanced",
                "@param apiVersion the value to set");
    }

    @Test
    void aRouteBuiltWithItSendsCorrectly() {
        sendTo("direct:dsl", "Your order has shipped", Map.of());

        assertSent("""
                {"recipient":{"id":"psid-dsl"},"messaging_type":"UPDATE","message":{"text":"Your order has shipped"},
                 "notification_type":"NO_PUSH","persona_id":"persona-dsl"}""");
        MessengerSendEndpoint endpoint = context.getEndpoints().stream()
                .filter(e -> e instanceof MessengerSendEndpoint m && "psid-dsl".equals(m.getRecipientId()))
                .map(MessengerSendEndpoint.class::cast).findFirst().orElseThrow();
        assertThat(endpoint.getConfiguration().getRequestTimeout()).isEqualTo(20_000);
        assertThat(endpoint.getConfiguration().getRateLimitBackoff()).isEqualTo(5_000);
        assertThat(endpoint.toString()).doesNotContain(TOKEN);
    }

    @Test
    void propertyPlaceholdersResolve() {
        sendTo("direct:dsl-placeholders", "hi", Map.of(MessengerSendConstants.RECIPIENT_ID, "1"));

        assertSent("""
                {"recipient":{"id":"1"},"messaging_type":"UPDATE","message":{"text":"hi"}}""");
    }

    @Test
    void toDEvaluatesTheExpressionForEachExchange() {
        sendTo("direct:dsl-dynamic", "one", Map.of("page", "111", MessengerSendConstants.RECIPIENT_ID, "1"));
        sendTo("direct:dsl-dynamic", "two", Map.of("page", "222", MessengerSendConstants.RECIPIENT_ID, "1"));

        assertThat(received()).extracting(LoggedRequest::getUrl)
                .containsExactlyInAnyOrder("/v24.0/111/messages", "/v24.0/222/messages");
        assertThat(received()).extracting(r -> r.getHeader("Authorization")).containsOnly("Bearer " + TOKEN);
    }

    @Test
    void aTokenProviderObjectIsBound() {
        sendTo("direct:dsl-provider", "hi", Map.of(MessengerSendConstants.RECIPIENT_ID, "1"));

        assertThat(onlyRequest().getHeader("Authorization")).isEqualTo("Bearer provided-" + PAGE_ID);
        MessengerSendEndpoint endpoint = context.getEndpoints().stream()
                .filter(e -> e instanceof MessengerSendEndpoint m
                        && m.getConfiguration().getTokenProvider() == provider)
                .map(MessengerSendEndpoint.class::cast).findFirst().orElseThrow();
        assertThat(endpoint.getConfiguration().getAccessToken()).isNull();
    }

    @Test
    void aTokenProviderReferenceIsLookedUp() {
        sendTo("direct:dsl-provider-reference", "hi", Map.of(MessengerSendConstants.RECIPIENT_ID, "1"));

        assertThat(onlyRequest().getHeader("Authorization")).isEqualTo("Bearer registered-" + PAGE_ID);
    }

    @Test
    void toDBindsATokenProviderObjectToo() {
        sendTo("direct:dsl-dynamic-provider", "one", Map.of("page", "333", MessengerSendConstants.RECIPIENT_ID, "1"));

        LoggedRequest request = onlyRequest();
        assertThat(request.getUrl()).isEqualTo("/v24.0/333/messages");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer provided-333");
    }
}
