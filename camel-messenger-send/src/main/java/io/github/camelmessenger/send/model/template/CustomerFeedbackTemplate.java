package io.github.camelmessenger.send.model.template;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.camelmessenger.send.model.MessengerJson;
import io.github.camelmessenger.send.validation.SendRequestValidator;

/**
 * A customer feedback survey (CSAT, NPS or CES questions). Outside the standard messaging window it is the only
 * message the {@code CUSTOMER_FEEDBACK} tag may carry.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(value = "template_type", allowGetters = true)
@JsonPropertyOrder({ "template_type", "title", "subtitle", "button_title", "feedback_screens", "business_privacy",
        "expires_in_days" })
public record CustomerFeedbackTemplate(
        @JsonProperty("title") String title,
        @JsonProperty("subtitle") String subtitle,
        @JsonProperty("button_title") String buttonTitle,
        @JsonProperty("feedback_screens") List<Screen> feedbackScreens,
        @JsonProperty("business_privacy") BusinessPrivacy businessPrivacy,
        @JsonProperty("expires_in_days") Integer expiresInDays) implements TemplatePayload {

    public static final String TYPE = "customer_feedback";

    public CustomerFeedbackTemplate {
        feedbackScreens = feedbackScreens == null ? null : List.copyOf(feedbackScreens);
    }

    @Override
    @JsonProperty("template_type")
    public String templateType() {
        return TYPE;
    }

    public static Builder builder(String title, String buttonTitle) {
        return new Builder(title, buttonTitle);
    }

    /** One screen of the survey. */
    public record Screen(@JsonProperty("questions") List<Question> questions) {
        public Screen {
            questions = questions == null ? null : List.copyOf(questions);
        }
    }

    /**
     * A question: {@code type} csat, nps or ces; {@code score_label} such as neg_pos; {@code score_option} such as
     * five_stars; an optional free-form follow-up.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "id", "type", "title", "score_label", "score_option", "follow_up" })
    public record Question(
            @JsonProperty("id") String id,
            @JsonProperty("type") String type,
            @JsonProperty("title") String title,
            @JsonProperty("score_label") String scoreLabel,
            @JsonProperty("score_option") String scoreOption,
            @JsonProperty("follow_up") FollowUp followUp) {

        public Question withFollowUp(String placeholder) {
            return new Question(id, type, title, scoreLabel, scoreOption, new FollowUp("free_form", placeholder));
        }
    }

    /** A free-form answer after the score. */
    public record FollowUp(@JsonProperty("type") String type, @JsonProperty("placeholder") String placeholder) {
    }

    /** The business's privacy policy. */
    public record BusinessPrivacy(@JsonProperty("url") String url) {
    }

    public static final class Builder {
        private final String title;
        private final String buttonTitle;
        private String subtitle;
        private final List<Screen> screens = new ArrayList<>();
        private BusinessPrivacy businessPrivacy;
        private Integer expiresInDays;

        private Builder(String title, String buttonTitle) {
            this.title = title;
            this.buttonTitle = buttonTitle;
        }

        public Builder subtitle(String subtitle) {
            this.subtitle = subtitle;
            return this;
        }

        /** Adds a screen with these questions. */
        public Builder screen(Question... questions) {
            screens.add(new Screen(List.of(questions)));
            return this;
        }

        public Builder businessPrivacyUrl(String url) {
            this.businessPrivacy = new BusinessPrivacy(url);
            return this;
        }

        public Builder expiresInDays(int days) {
            this.expiresInDays = days;
            return this;
        }

        public CustomerFeedbackTemplate build() {
            CustomerFeedbackTemplate template = new CustomerFeedbackTemplate(title, subtitle, buttonTitle,
                    screens.isEmpty() ? null : screens, businessPrivacy, expiresInDays);
            SendRequestValidator.validateTemplate(MessengerJson.mapper().valueToTree(template));
            return template;
        }
    }
}
