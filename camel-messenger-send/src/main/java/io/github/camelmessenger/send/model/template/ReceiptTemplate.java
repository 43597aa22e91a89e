package io.github.camelmessenger.send.model.template;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.camelmessenger.send.model.MessengerJson;
import io.github.camelmessenger.send.validation.SendRequestValidator;

/**
 * An order confirmation: order number, payment method, items, address, adjustments and the summary with the total.
 * Amounts are {@link BigDecimal}, so they are written exactly as given.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(value = "template_type", allowGetters = true)
@JsonPropertyOrder({ "template_type", "recipient_name", "merchant_name", "order_number", "currency", "payment_method",
        "order_url", "timestamp", "elements", "address", "summary", "adjustments", "sharable" })
public record ReceiptTemplate(
        @JsonProperty("recipient_name") String recipientName,
        @JsonProperty("merchant_name") String merchantName,
        @JsonProperty("order_number") String orderNumber,
        @JsonProperty("currency") String currency,
        @JsonProperty("payment_method") String paymentMethod,
        @JsonProperty("order_url") String orderUrl,
        @JsonProperty("timestamp") String timestamp,
        @JsonProperty("elements") List<Item> elements,
        @JsonProperty("address") Address address,
        @JsonProperty("summary") Summary summary,
        @JsonProperty("adjustments") List<Adjustment> adjustments,
        @JsonProperty("sharable") Boolean sharable) implements TemplatePayload {

    public static final String TYPE = "receipt";

    public ReceiptTemplate {
        elements = elements == null ? null : List.copyOf(elements);
        adjustments = adjustments == null ? null : List.copyOf(adjustments);
    }

    @Override
    @JsonProperty("template_type")
    public String templateType() {
        return TYPE;
    }

    /** The fields Meta requires; the rest are set on the builder. */
    public static Builder builder(String recipientName, String orderNumber, String currency, String paymentMethod) {
        return new Builder(recipientName, orderNumber, currency, paymentMethod);
    }

    /** One line item. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "title", "subtitle", "quantity", "price", "currency", "image_url" })
    public record Item(
            @JsonProperty("title") String title,
            @JsonProperty("subtitle") String subtitle,
            @JsonProperty("quantity") Integer quantity,
            @JsonProperty("price") BigDecimal price,
            @JsonProperty("currency") String currency,
            @JsonProperty("image_url") String imageUrl) {

        public static Item of(String title, BigDecimal price) {
            return new Item(title, null, null, price, null, null);
        }

        public Item withSubtitle(String subtitle) {
            return new Item(title, subtitle, quantity, price, currency, imageUrl);
        }

        public Item withQuantity(int quantity) {
            return new Item(title, subtitle, quantity, price, currency, imageUrl);
        }

        public Item withCurrency(String currency) {
            return new Item(title, subtitle, quantity, price, currency, imageUrl);
        }

        public Item withImageUrl(String imageUrl) {
            return new Item(title, subtitle, quantity, price, currency, imageUrl);
        }
    }

    /** The shipping address. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Address(
            @JsonProperty("street_1") String street1,
            @JsonProperty("street_2") String street2,
            @JsonProperty("city") String city,
            @JsonProperty("postal_code") String postalCode,
            @JsonProperty("state") String state,
            @JsonProperty("country") String country) {
    }

    /** The totals; {@code total_cost} is required. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(
            @JsonProperty("subtotal") BigDecimal subtotal,
            @JsonProperty("shipping_cost") BigDecimal shippingCost,
            @JsonProperty("total_tax") BigDecimal totalTax,
            @JsonProperty("total_cost") BigDecimal totalCost) {

        public static Summary totalCost(BigDecimal totalCost) {
            return new Summary(null, null, null, totalCost);
        }
    }

    /** A discount or surcharge line. */
    public record Adjustment(@JsonProperty("name") String name, @JsonProperty("amount") BigDecimal amount) {
    }

    public static final class Builder {
        private final String recipientName;
        private final String orderNumber;
        private final String currency;
        private final String paymentMethod;
        private String merchantName;
        private String orderUrl;
        private String timestamp;
        private final List<Item> elements = new ArrayList<>();
        private Address address;
        private Summary summary;
        private final List<Adjustment> adjustments = new ArrayList<>();
        private Boolean sharable;

        private Builder(String recipientName, String orderNumber, String currency, String paymentMethod) {
            this.recipientName = recipientName;
            this.orderNumber = orderNumber;
            this.currency = currency;
            this.paymentMethod = paymentMethod;
        }

        public Builder merchantName(String merchantName) {
            this.merchantName = merchantName;
            return this;
        }

        public Builder orderUrl(String orderUrl) {
            this.orderUrl = orderUrl;
            return this;
        }

        /** The order time in seconds since the epoch. */
        public Builder timestamp(String timestamp) {
            this.timestamp = timestamp;
            return this;
        }

        public Builder item(Item item) {
            elements.add(item);
            return this;
        }

        public Builder address(Address address) {
            this.address = address;
            return this;
        }

        public Builder summary(Summary summary) {
            this.summary = summary;
            return this;
        }

        public Builder adjustment(String name, BigDecimal amount) {
            adjustments.add(new Adjustment(name, amount));
            return this;
        }

        public Builder sharable(boolean sharable) {
            this.sharable = sharable;
            return this;
        }

        public ReceiptTemplate build() {
            ReceiptTemplate template = new ReceiptTemplate(recipientName, merchantName, orderNumber, currency,
                    paymentMethod, orderUrl, timestamp, elements.isEmpty() ? null : elements, address, summary,
                    adjustments.isEmpty() ? null : adjustments, sharable);
            SendRequestValidator.validateTemplate(MessengerJson.mapper().valueToTree(template));
            return template;
        }
    }
}
