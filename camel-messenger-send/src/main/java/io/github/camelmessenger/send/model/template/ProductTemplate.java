package io.github.camelmessenger.send.model.template;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.camelmessenger.send.model.MessengerJson;
import io.github.camelmessenger.send.validation.SendRequestValidator;

/**
 * Products from the Page's catalog, by product id: 1 to 10 of them, shown as a carousel.
 */
@JsonIgnoreProperties(value = "template_type", allowGetters = true)
@JsonPropertyOrder({ "template_type", "elements" })
public record ProductTemplate(@JsonProperty("elements") List<Product> elements) implements TemplatePayload {

    public static final String TYPE = "product";

    public ProductTemplate {
        elements = elements == null ? null : List.copyOf(elements);
    }

    @Override
    @JsonProperty("template_type")
    public String templateType() {
        return TYPE;
    }

    /** A product template for these catalog product ids, checked. */
    public static ProductTemplate of(String... productIds) {
        ProductTemplate template = new ProductTemplate(Arrays.stream(productIds).map(Product::new).toList());
        SendRequestValidator.validateTemplate(MessengerJson.mapper().valueToTree(template));
        return template;
    }

    /** One catalog product. */
    public record Product(@JsonProperty("id") String id) {
    }
}
