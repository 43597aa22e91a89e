package io.github.camelmessenger.send;

import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.send.model.Message;
import io.github.camelmessenger.send.model.MessengerJson;
import io.github.camelmessenger.send.model.QuickReply;
import io.github.camelmessenger.send.model.button.Button;
import io.github.camelmessenger.send.model.template.GenericElement;
import io.github.camelmessenger.send.model.template.GenericTemplate;
import io.github.camelmessenger.send.validation.SendProfile;
import io.github.camelmessenger.send.validation.SendRequestValidator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The producer's work before the HTTP call: build the request JSON from body, headers and options, validate it and
 * write the bytes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EncodeBenchmark {

    private CamelContext context;
    private SendRequestAssembler assembler;
    private final ObjectMapper mapper = MessengerJson.mapper();
    private Exchange textExchange;
    private Exchange templateExchange;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        context = new DefaultCamelContext();
        context.start();
        MessengerSendEndpoint endpoint = context.getEndpoint(
                "messenger-send:1122334455?accessToken=token&messagingType=UPDATE", MessengerSendEndpoint.class);
        assembler = new SendRequestAssembler(mapper, endpoint);
        textExchange = exchange("Your order #1001 has shipped");
        templateExchange = exchange(Message.builder()
                .attachment(io.github.camelmessenger.send.model.Attachment.template(GenericTemplate.builder()
                        .element(GenericElement.builder("Classic White T-Shirt").subtitle("100% cotton")
                                .imageUrl("https://example.com/white.png")
                                .button(Button.webUrl("View", "https://example.com/white"))
                                .button(Button.postback("Buy", "BUY_WHITE")).build())
                        .build()))
                .quickReply(QuickReply.text("More", "MORE"))
                .build());
    }

    private Exchange exchange(Object body) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(body);
        exchange.getMessage().setHeader(MessengerSendConstants.RECIPIENT_ID, "1254477777772919");
        return exchange;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        context.stop();
    }

    @Benchmark
    public byte[] encodeText() throws Exception {
        return encode(textExchange);
    }

    @Benchmark
    public byte[] encodeGenericTemplate() throws Exception {
        return encode(templateExchange);
    }

    private byte[] encode(Exchange exchange) throws Exception {
        ObjectNode request = assembler.fromBody(exchange);
        SendRequestValidator.validate(request, SendProfile.MESSENGER);
        return mapper.writeValueAsBytes(request);
    }
}
