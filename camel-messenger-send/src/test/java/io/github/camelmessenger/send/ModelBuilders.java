package io.github.camelmessenger.send;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmessenger.send.model.Attachment;
import io.github.camelmessenger.send.model.MediaPayload;
import io.github.camelmessenger.send.model.Message;
import io.github.camelmessenger.send.model.MessagingType;
import io.github.camelmessenger.send.model.NotificationType;
import io.github.camelmessenger.send.model.QuickReply;
import io.github.camelmessenger.send.model.Recipient;
import io.github.camelmessenger.send.model.SendRequest;
import io.github.camelmessenger.send.model.SenderAction;
import io.github.camelmessenger.send.model.UtilityTemplate;
import io.github.camelmessenger.send.model.button.Button;
import io.github.camelmessenger.send.model.button.GamePlayButton;
import io.github.camelmessenger.send.model.button.WebUrlButton;
import io.github.camelmessenger.send.model.button.WebviewHeightRatio;
import io.github.camelmessenger.send.model.button.WebviewSettings;
import io.github.camelmessenger.send.model.template.ButtonTemplate;
import io.github.camelmessenger.send.model.template.CouponTemplate;
import io.github.camelmessenger.send.model.template.CustomerFeedbackTemplate;
import io.github.camelmessenger.send.model.template.DefaultAction;
import io.github.camelmessenger.send.model.template.GenericElement;
import io.github.camelmessenger.send.model.template.GenericTemplate;
import io.github.camelmessenger.send.model.template.ImageAspectRatio;
import io.github.camelmessenger.send.model.template.MediaTemplate;
import io.github.camelmessenger.send.model.template.NotificationMessagesTemplate;
import io.github.camelmessenger.send.model.template.ProductTemplate;
import io.github.camelmessenger.send.model.template.ReceiptTemplate;
import io.github.camelmessenger.send.model.template.TemplatePayload;

/**
 * Test-side translator: walks a Send API JSON tree and, for each object, calls the model's public builders and
 * factories ({@code Message.builder()}, {@code Attachment.image(MediaPayload.url(..))}, {@code Button.postback(..)},
 * {@code GenericTemplate.builder()}, ...) to build the same thing. It never deserialises JSON into the model.
 * <p>
 * It is strict: every field of every object must be consumed by a builder call. A field, value or combination the
 * public API cannot express makes it throw {@link NoBuilderApi} with a reason (the same for every case that hits it,
 * so reasons can be grouped) and the JSON path where it happened. Nothing is silently dropped, so when the result's
 * JSON equals the input, the builders really expressed all of it.
 */
final class ModelBuilders {

    private ModelBuilders() {
    }

    /** The public builder API has no way to express something in the JSON. */
    static final class NoBuilderApi extends RuntimeException {
        private final String reason;
        private final String where;

        NoBuilderApi(String reason, String where) {
            super(reason + " [" + where + "]");
            this.reason = reason;
            this.where = where;
        }

        /** What cannot be expressed, the same for every case that hits it. */
        String reason() {
            return reason;
        }

        /** The JSON path in this case. */
        String where() {
            return where;
        }
    }

    // ----------------------------------------------------------------------------------------------------------------
    // entry points

    /** A whole request ({@code scope: full-body}) built with {@code SendRequest.builder()}. */
    static SendRequest request(JsonNode json) {
        Obj o = new Obj(json, "request", "request");
        SendRequest.Builder b = SendRequest.builder();
        if (o.has("recipient")) {
            b.recipient(recipient(o.obj("recipient", "recipient")));
        }
        if (o.has("messaging_type")) {
            b.messagingType(enumValue(MessagingType.class, o, "messaging_type"));
        }
        if (o.has("sender_action")) {
            String action = o.text("sender_action");
            SenderAction parsed = SenderAction.fromWireValue(action);
            if (parsed == null || !parsed.wireValue().equals(action)) {
                throw new NoBuilderApi("sender_action value not in SenderAction", o.path("sender_action") + " = "
                        + action);
            }
            if (parsed.needsPayload()) {
                Obj payload = o.obj("payload", "reaction payload");
                String messageId = payload.text("message_id");
                if (parsed == SenderAction.REACT) {
                    b.react(messageId, payload.text("reaction"));
                } else {
                    b.unreact(messageId);
                }
                payload.done();
            } else {
                b.senderAction(parsed);
            }
        }
        if (o.has("message")) {
            b.message(message(o.obj("message", "message")));
        }
        if (o.has("tag")) {
            b.tag(o.text("tag"));
        }
        if (o.has("notification_type")) {
            b.notificationType(enumValue(NotificationType.class, o, "notification_type"));
        }
        if (o.has("reply_to")) {
            Obj replyTo = o.obj("reply_to", "reply_to");
            b.replyTo(replyTo.text("mid"));
            replyTo.done();
        }
        if (o.has("persona_id")) {
            b.personaId(o.text("persona_id"));
        }
        o.done();
        return b.build();
    }

    /** A {@code message} object ({@code scope: message-only}) built with {@code Message.builder()}. */
    static Message message(JsonNode json) {
        return message(new Obj(json, "message", "message"));
    }

    /** A button object ({@code scope: button-only}) built with the {@code Button} factories. */
    static Button button(JsonNode json) {
        return button(new Obj(json, "button", "button"));
    }

    // ----------------------------------------------------------------------------------------------------------------
    // request parts

    private static Recipient recipient(Obj o) {
        List<String> identifiers = new ArrayList<>();
        o.fieldNames().forEachRemaining(name -> {
            if (!"name".equals(name)) {
                identifiers.add(name);
            }
        });
        if (identifiers.size() != 1) {
            throw new NoBuilderApi("recipient with " + identifiers.size() + " identifiers", o.path);
        }
        String key = identifiers.get(0);
        String value = o.scalarText(key);
        Recipient recipient = switch (key) {
            case "id" -> Recipient.id(value);
            case "user_ref" -> Recipient.userRef(value);
            case "post_id" -> Recipient.postId(value);
            case "comment_id" -> Recipient.commentId(value);
            case "notification_messages_token" -> Recipient.notificationMessagesToken(value);
            case "one_time_notif_token" -> Recipient.oneTimeNotifToken(value);
            case "phone_number" -> {
                if (o.has("name")) {
                    Obj name = o.obj("name", "recipient name");
                    Recipient r = Recipient.phoneNumber(value, name.text("first_name"), name.text("last_name"));
                    name.done();
                    yield r;
                }
                yield Recipient.phoneNumber(value);
            }
            default -> throw new NoBuilderApi("recipient." + key + ": no Recipient factory", o.path(key));
        };
        o.done();
        return recipient;
    }

    private static Message message(Obj o) {
        Message.Builder b = Message.builder();
        if (o.has("text")) {
            b.text(o.text("text"));
        }
        if (o.has("attachment")) {
            b.attachment(attachment(o.obj("attachment", "attachment")));
        }
        if (o.has("attachments")) {
            JsonNode attachments = o.array("attachments");
            for (int i = 0; i < attachments.size(); i++) {
                b.addAttachment(attachment(new Obj(attachments.get(i), o.path("attachments") + "[" + i + "]",
                        "attachment")));
            }
        }
        if (o.has("sticker_id")) {
            JsonNode sticker = o.get("sticker_id");
            if (!sticker.isIntegralNumber() || !sticker.canConvertToLong()) {
                throw new NoBuilderApi("message.sticker_id that is not a JSON integer (stickerId takes a long)",
                        o.path("sticker_id") + " = " + sticker);
            }
            b.stickerId(sticker.longValue());
        }
        if (o.has("template")) {
            b.template(utilityTemplate(o.obj("template", "utility template")));
        }
        if (o.has("dynamic_text")) {
            Obj dynamic = o.obj("dynamic_text", "dynamic_text");
            b.dynamicText(dynamic.text("text"), dynamic.text("fallback_text"));
            dynamic.done();
        }
        if (o.has("quick_replies")) {
            JsonNode replies = o.array("quick_replies");
            for (int i = 0; i < replies.size(); i++) {
                b.quickReply(quickReply(new Obj(replies.get(i), o.path("quick_replies") + "[" + i + "]",
                        "quick reply")));
            }
        }
        if (o.has("metadata")) {
            b.metadata(o.text("metadata"));
        }
        o.done();
        return b.build();
    }

    private static QuickReply quickReply(Obj o) {
        String type = o.text("content_type");
        QuickReply reply = switch (type == null ? "" : type) {
            case QuickReply.TEXT -> o.has("image_url")
                    ? QuickReply.text(o.text("title"), o.text("payload"), o.text("image_url"))
                    : QuickReply.text(o.text("title"), o.text("payload"));
            case QuickReply.USER_EMAIL -> QuickReply.userEmail();
            case QuickReply.USER_PHONE_NUMBER -> QuickReply.userPhoneNumber();
            default -> throw new NoBuilderApi("quick reply content_type '" + type + "': no QuickReply factory",
                    o.path("content_type"));
        };
        o.done();
        return reply;
    }

    private static UtilityTemplate utilityTemplate(Obj o) {
        Obj language = o.obj("language", "utility template language");
        UtilityTemplate.Builder b = UtilityTemplate.builder(o.text("name"), language.text("code"));
        language.done();
        if (o.has("components")) {
            JsonNode components = o.array("components");
            for (int i = 0; i < components.size(); i++) {
                Obj component = new Obj(components.get(i), o.path("components") + "[" + i + "]",
                        "utility template component");
                List<UtilityTemplate.Parameter> parameters = new ArrayList<>();
                if (component.has("parameters")) {
                    JsonNode params = component.array("parameters");
                    for (int j = 0; j < params.size(); j++) {
                        Obj p = new Obj(params.get(j), component.path("parameters") + "[" + j + "]",
                                "utility template parameter");
                        parameters.add(new UtilityTemplate.Parameter(p.text("type"), p.text("text"),
                                p.text("payload"), p.text("url")));
                        p.done();
                    }
                }
                b.component(component.text("type"), parameters);
                component.done();
            }
        }
        o.done();
        return b.build();
    }

    // ----------------------------------------------------------------------------------------------------------------
    // attachments

    private static Attachment attachment(Obj o) {
        String type = o.text("type");
        Attachment attachment = switch (type == null ? "" : type) {
            case Attachment.IMAGE -> Attachment.image(mediaPayload(o.obj("payload", "media payload")));
            case Attachment.AUDIO -> Attachment.audio(mediaPayload(o.obj("payload", "media payload")));
            case Attachment.VIDEO -> Attachment.video(mediaPayload(o.obj("payload", "media payload")));
            case Attachment.FILE -> Attachment.file(mediaPayload(o.obj("payload", "media payload")));
            case Attachment.TEMPLATE -> Attachment.template(template(o.obj("payload", "template payload")));
            default -> throw new NoBuilderApi("attachment type '" + type + "': no Attachment factory",
                    o.path("type"));
        };
        o.done();
        return attachment;
    }

    private static MediaPayload mediaPayload(Obj o) {
        boolean url = o.has("url");
        boolean id = o.has("attachment_id");
        Boolean reusable = o.has("is_reusable") ? o.bool("is_reusable") : null;
        MediaPayload payload;
        if (url && !id && reusable == null) {
            payload = MediaPayload.url(o.text("url"));
        } else if (url && !id && Boolean.TRUE.equals(reusable)) {
            payload = MediaPayload.reusableUrl(o.text("url"));
        } else if (id && !url && reusable == null) {
            payload = MediaPayload.attachmentId(o.text("attachment_id"));
        } else {
            throw new NoBuilderApi("media payload " + describeMediaPayload(url, id, reusable)
                    + ": no MediaPayload factory (url, reusableUrl, attachmentId)", o.path);
        }
        o.done();
        return payload;
    }

    private static String describeMediaPayload(boolean url, boolean id, Boolean reusable) {
        List<String> parts = new ArrayList<>();
        if (url) {
            parts.add("url");
        }
        if (id) {
            parts.add("attachment_id");
        }
        if (reusable != null) {
            parts.add("is_reusable " + reusable);
        }
        return parts.isEmpty() ? "{} (empty: the message part of a multipart upload)"
                : "{" + String.join(", ", parts)
                        + "}";
    }

    // ----------------------------------------------------------------------------------------------------------------
    // templates

    private static TemplatePayload template(Obj o) {
        String type = o.text("template_type");
        TemplatePayload template = switch (type == null ? "" : type) {
            case GenericTemplate.TYPE -> genericTemplate(o);
            case ButtonTemplate.TYPE -> buttonTemplate(o);
            case MediaTemplate.TYPE -> mediaTemplate(o);
            case ReceiptTemplate.TYPE -> receiptTemplate(o);
            case CustomerFeedbackTemplate.TYPE -> customerFeedbackTemplate(o);
            case ProductTemplate.TYPE -> productTemplate(o);
            case CouponTemplate.TYPE -> couponTemplate(o);
            case NotificationMessagesTemplate.TYPE -> notificationMessagesTemplate(o);
            default -> throw new NoBuilderApi("template_type '" + type + "': only OtherTemplate (read from JSON), "
                    + "no builder", o.path("template_type"));
        };
        o.done();
        return template;
    }

    private static GenericTemplate genericTemplate(Obj o) {
        GenericTemplate.Builder b = GenericTemplate.builder();
        JsonNode elements = o.array("elements");
        for (int i = 0; i < elements.size(); i++) {
            b.element(genericElement(new Obj(elements.get(i), o.path("elements") + "[" + i + "]",
                    "generic element")));
        }
        if (o.has("image_aspect_ratio")) {
            b.imageAspectRatio(enumValue(o, "image_aspect_ratio", ImageAspectRatio::fromWireValue,
                    ImageAspectRatio::wireValue));
        }
        if (o.has("sharable")) {
            b.sharable(o.bool("sharable"));
        }
        return b.build();
    }

    private static GenericElement genericElement(Obj o) {
        GenericElement.Builder b = GenericElement.builder(o.text("title"));
        if (o.has("subtitle")) {
            b.subtitle(o.text("subtitle"));
        }
        if (o.has("image_url")) {
            b.imageUrl(o.text("image_url"));
        }
        if (o.has("item_url")) {
            b.itemUrl(o.text("item_url"));
        }
        if (o.has("default_action")) {
            b.defaultAction(defaultAction(o.obj("default_action", "default_action")));
        }
        if (o.has("buttons")) {
            buttons(o, b::button);
        }
        o.done();
        return b.build();
    }

    private static DefaultAction defaultAction(Obj o) {
        String type = o.text("type");
        if (!"web_url".equals(type)) {
            throw new NoBuilderApi("default_action type '" + type + "': DefaultAction is web_url only",
                    o.path("type"));
        }
        DefaultAction action = webviewSettings(o, DefaultAction.url(o.text("url")));
        o.done();
        return action;
    }

    private static ButtonTemplate buttonTemplate(Obj o) {
        ButtonTemplate.Builder b = ButtonTemplate.builder(o.text("text"));
        buttons(o, b::button);
        if (o.has("sharable")) {
            b.sharable(o.bool("sharable"));
        }
        return b.build();
    }

    private static MediaTemplate mediaTemplate(Obj o) {
        JsonNode elements = o.array("elements");
        if (elements.size() != 1) {
            throw new NoBuilderApi("media template with " + elements.size() + " elements: the builder makes one",
                    o.path("elements"));
        }
        Obj e = new Obj(elements.get(0), o.path("elements") + "[0]", "media element");
        String mediaType = e.text("media_type");
        boolean url = e.has("url");
        boolean id = e.has("attachment_id");
        if (url == id) {
            throw new NoBuilderApi("media element with " + (url ? "both url and attachment_id"
                    : "neither url nor "
                            + "attachment_id")
                    + ": no MediaTemplate factory", e.path);
        }
        MediaTemplate.Builder b = switch (mediaType == null ? "" : mediaType) {
            case "image" -> url ? MediaTemplate.imageUrl(e.text("url"))
                    : MediaTemplate.imageAttachmentId(e.text("attachment_id"));
            case "video" -> url ? MediaTemplate.videoUrl(e.text("url"))
                    : MediaTemplate.videoAttachmentId(e.text("attachment_id"));
            default -> throw new NoBuilderApi("media_type '" + mediaType + "': no MediaTemplate factory",
                    e.path("media_type"));
        };
        if (e.has("buttons")) {
            buttons(e, b::button);
        }
        e.done();
        if (o.has("sharable")) {
            b.sharable(o.bool("sharable"));
        }
        return b.build();
    }

    private static ReceiptTemplate receiptTemplate(Obj o) {
        ReceiptTemplate.Builder b = ReceiptTemplate.builder(o.text("recipient_name"), o.text("order_number"),
                o.text("currency"), o.text("payment_method"));
        if (o.has("merchant_name")) {
            b.merchantName(o.text("merchant_name"));
        }
        if (o.has("order_url")) {
            b.orderUrl(o.text("order_url"));
        }
        if (o.has("timestamp")) {
            b.timestamp(o.text("timestamp"));
        }
        if (o.has("elements")) {
            JsonNode items = o.array("elements");
            for (int i = 0; i < items.size(); i++) {
                Obj item = new Obj(items.get(i), o.path("elements") + "[" + i + "]", "receipt item");
                ReceiptTemplate.Item built = ReceiptTemplate.Item.of(item.text("title"), item.decimal("price"));
                if (item.has("subtitle")) {
                    built = built.withSubtitle(item.text("subtitle"));
                }
                if (item.has("quantity")) {
                    built = built.withQuantity(item.integer("quantity"));
                }
                if (item.has("currency")) {
                    built = built.withCurrency(item.text("currency"));
                }
                if (item.has("image_url")) {
                    built = built.withImageUrl(item.text("image_url"));
                }
                item.done();
                b.item(built);
            }
        }
        if (o.has("address")) {
            Obj a = o.obj("address", "receipt address");
            b.address(new ReceiptTemplate.Address(a.text("street_1"), a.text("street_2"), a.text("city"),
                    a.text("postal_code"), a.text("state"), a.text("country")));
            a.done();
        }
        if (o.has("summary")) {
            Obj s = o.obj("summary", "receipt summary");
            b.summary(new ReceiptTemplate.Summary(s.decimal("subtotal"), s.decimal("shipping_cost"),
                    s.decimal("total_tax"), s.decimal("total_cost")));
            s.done();
        }
        if (o.has("adjustments")) {
            JsonNode adjustments = o.array("adjustments");
            for (int i = 0; i < adjustments.size(); i++) {
                Obj a = new Obj(adjustments.get(i), o.path("adjustments") + "[" + i + "]", "receipt adjustment");
                b.adjustment(a.text("name"), a.decimal("amount"));
                a.done();
            }
        }
        if (o.has("sharable")) {
            b.sharable(o.bool("sharable"));
        }
        return b.build();
    }

    private static CustomerFeedbackTemplate customerFeedbackTemplate(Obj o) {
        CustomerFeedbackTemplate.Builder b = CustomerFeedbackTemplate.builder(o.text("title"), o.text("button_title"));
        if (o.has("subtitle")) {
            b.subtitle(o.text("subtitle"));
        }
        if (o.has("feedback_screens")) {
            JsonNode screens = o.array("feedback_screens");
            for (int i = 0; i < screens.size(); i++) {
                Obj screen = new Obj(screens.get(i), o.path("feedback_screens") + "[" + i + "]", "feedback screen");
                JsonNode questions = screen.array("questions");
                List<CustomerFeedbackTemplate.Question> built = new ArrayList<>();
                for (int j = 0; j < questions.size(); j++) {
                    built.add(question(new Obj(questions.get(j), screen.path("questions") + "[" + j + "]",
                            "feedback question")));
                }
                screen.done();
                b.screen(built.toArray(CustomerFeedbackTemplate.Question[]::new));
            }
        }
        if (o.has("business_privacy")) {
            Obj privacy = o.obj("business_privacy", "business_privacy");
            b.businessPrivacyUrl(privacy.text("url"));
            privacy.done();
        }
        if (o.has("expires_in_days")) {
            b.expiresInDays(o.integer("expires_in_days"));
        }
        return b.build();
    }

    private static CustomerFeedbackTemplate.Question question(Obj o) {
        CustomerFeedbackTemplate.Question q = new CustomerFeedbackTemplate.Question(o.text("id"), o.text("type"),
                o.text("title"), o.text("score_label"), o.text("score_option"), null);
        if (o.has("follow_up")) {
            Obj followUp = o.obj("follow_up", "feedback follow_up");
            String type = followUp.text("type");
            if (!"free_form".equals(type)) {
                throw new NoBuilderApi("follow_up type '" + type + "': only withFollowUp (free_form)",
                        followUp.path("type"));
            }
            q = q.withFollowUp(followUp.text("placeholder"));
            followUp.done();
        }
        o.done();
        return q;
    }

    private static ProductTemplate productTemplate(Obj o) {
        JsonNode elements = o.array("elements");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            Obj product = new Obj(elements.get(i), o.path("elements") + "[" + i + "]", "product");
            ids.add(product.text("id"));
            product.done();
        }
        return ProductTemplate.of(ids.toArray(String[]::new));
    }

    private static CouponTemplate couponTemplate(Obj o) {
        CouponTemplate.Builder b = CouponTemplate.builder(o.text("title"));
        if (o.has("subtitle")) {
            b.subtitle(o.text("subtitle"));
        }
        if (o.has("coupon_code")) {
            b.couponCode(o.text("coupon_code"));
        }
        if (o.has("coupon_url") || o.has("coupon_url_button_title")) {
            b.couponUrl(o.text("coupon_url"), o.text("coupon_url_button_title"));
        }
        if (o.has("coupon_pre_message")) {
            b.preMessage(o.text("coupon_pre_message"));
        }
        if (o.has("image_url")) {
            b.imageUrl(o.text("image_url"));
        }
        if (o.has("payload")) {
            b.payload(o.text("payload"));
        }
        return b.build();
    }

    private static NotificationMessagesTemplate notificationMessagesTemplate(Obj o) {
        NotificationMessagesTemplate.Builder b = NotificationMessagesTemplate.builder(o.text("title"));
        if (o.has("image_url")) {
            b.imageUrl(o.text("image_url"));
        }
        if (o.has("payload")) {
            b.payload(o.text("payload"));
        }
        if (o.has("notification_messages_frequency")) {
            b.frequency(enumValue(NotificationMessagesTemplate.Frequency.class, o, "notification_messages_frequency"));
        }
        if (o.has("notification_messages_reoptin")) {
            b.reoptin(enumValue(NotificationMessagesTemplate.Reoptin.class, o, "notification_messages_reoptin"));
        }
        if (o.has("notification_messages_timezone")) {
            b.timezone(o.text("notification_messages_timezone"));
        }
        if (o.has("notification_messages_cta_text")) {
            b.ctaText(enumValue(NotificationMessagesTemplate.CtaText.class, o, "notification_messages_cta_text"));
        }
        return b.build();
    }

    // ----------------------------------------------------------------------------------------------------------------
    // buttons

    private static void buttons(Obj owner, Consumer<Button> add) {
        JsonNode buttons = owner.array("buttons");
        for (int i = 0; i < buttons.size(); i++) {
            add.accept(button(new Obj(buttons.get(i), owner.path("buttons") + "[" + i + "]", "button")));
        }
    }

    private static Button button(Obj o) {
        String type = o.text("type");
        Button button = switch (type == null ? "" : type) {
            case "web_url" -> webUrlButton(o);
            case "postback" -> Button.postback(o.text("title"), o.text("payload"));
            case "phone_number" -> Button.phoneNumber(o.text("title"), o.text("payload"));
            case "account_link" -> Button.accountLink(o.text("url"));
            case "account_unlink" -> Button.accountUnlink();
            case "game_play" -> gamePlayButton(o);
            default -> throw new NoBuilderApi("button type '" + type + "': no Button factory", o.path("type"));
        };
        o.done();
        return button;
    }

    private static WebUrlButton webUrlButton(Obj o) {
        return webviewSettings(o, Button.webUrl(o.text("title"), o.text("url")));
    }

    /** The webview settings a URL button and a default action share, through their common builder methods. */
    private static <T extends WebviewSettings<T>> T webviewSettings(Obj o, T target) {
        T result = target;
        if (o.has("webview_height_ratio")) {
            result = result.withWebviewHeightRatio(enumValue(o, "webview_height_ratio",
                    WebviewHeightRatio::fromWireValue, WebviewHeightRatio::wireValue));
        }
        if (o.has("messenger_extensions")) {
            if (!o.bool("messenger_extensions")) {
                throw new NoBuilderApi("messenger_extensions false: only withMessengerExtensions (true)",
                        o.path("messenger_extensions"));
            }
            result = result.withMessengerExtensions(o.has("fallback_url") ? o.text("fallback_url") : null);
        } else if (o.has("fallback_url")) {
            throw new NoBuilderApi("fallback_url without messenger_extensions: only withMessengerExtensions sets it",
                    o.path("fallback_url"));
        }
        if (o.has("webview_share_button")) {
            String share = o.text("webview_share_button");
            if (!"hide".equals(share)) {
                throw new NoBuilderApi("webview_share_button '" + share + "': only withShareButtonHidden (hide)",
                        o.path("webview_share_button"));
            }
            result = result.withShareButtonHidden();
        }
        return result;
    }

    private static GamePlayButton gamePlayButton(Obj o) {
        GamePlayButton button = Button.gamePlay(o.text("title"));
        if (o.has("payload")) {
            button = button.withPayload(o.text("payload"));
        }
        if (o.has("game_metadata")) {
            Obj metadata = o.obj("game_metadata", "game_metadata");
            if (metadata.has("player_id")) {
                button = button.withPlayer(metadata.text("player_id"));
            }
            if (metadata.has("context_id")) {
                button = button.withContext(metadata.text("context_id"));
            }
            metadata.done();
        }
        return button;
    }

    // ----------------------------------------------------------------------------------------------------------------
    // values

    private static <E extends Enum<E>> E enumValue(Class<E> type, Obj o, String key) {
        String value = o.text(key);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw new NoBuilderApi(key + " value not in " + type.getSimpleName(), o.path(key) + " = " + value);
    }

    private static <E extends Enum<E>> E enumValue(Obj o, String key, Function<String, E> parse,
                                                   Function<E, String> wire) {
        String value = o.text(key);
        E parsed;
        try {
            parsed = parse.apply(value);
        } catch (IllegalArgumentException e) {
            parsed = null;
        }
        if (parsed == null || !wire.apply(parsed).equals(value)) {
            throw new NoBuilderApi(key + " value not in the model's enum", o.path(key) + " = " + value);
        }
        return parsed;
    }

    /**
     * A JSON object being translated: remembers which fields were read, so {@link #done()} can refuse any field no
     * builder call consumed.
     */
    private static final class Obj {
        private final JsonNode node;
        private final String path;
        private final String what;
        private final Set<String> used = new HashSet<>();

        Obj(JsonNode node, String path, String what) {
            if (node == null || !node.isObject()) {
                throw new NoBuilderApi(what + " that is not a JSON object", path);
            }
            this.node = node;
            this.path = path;
            this.what = what;
        }

        String path(String key) {
            return path + "." + key;
        }

        boolean has(String key) {
            return node.has(key);
        }

        Iterator<String> fieldNames() {
            return node.fieldNames();
        }

        JsonNode get(String key) {
            used.add(key);
            return node.get(key);
        }

        Obj obj(String key, String childWhat) {
            return new Obj(get(key), path(key), childWhat);
        }

        JsonNode array(String key) {
            JsonNode value = get(key);
            if (value == null || !value.isArray()) {
                throw new NoBuilderApi(what + " '" + key + "' that is not a JSON array", path(key));
            }
            return value;
        }

        /** A string field, or null when absent; anything but a JSON string cannot be passed to a String setter. */
        String text(String key) {
            JsonNode value = get(key);
            if (value == null) {
                return null;
            }
            if (!value.isTextual()) {
                throw new NoBuilderApi(what + " '" + key + "' that is not a JSON string (the builder takes a String)",
                        path(key) + " = " + value);
            }
            return value.asText();
        }

        /** A scalar given as string or number (recipient identifiers are sent as strings). */
        String scalarText(String key) {
            JsonNode value = get(key);
            if (value == null || !(value.isTextual() || value.isNumber())) {
                throw new NoBuilderApi(what + " '" + key + "' that is not a string or number", path(key));
            }
            return value.asText();
        }

        boolean bool(String key) {
            JsonNode value = get(key);
            if (value == null || !value.isBoolean()) {
                throw new NoBuilderApi(what + " '" + key + "' that is not a JSON boolean", path(key) + " = " + value);
            }
            return value.booleanValue();
        }

        int integer(String key) {
            JsonNode value = get(key);
            if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
                throw new NoBuilderApi(what + " '" + key + "' that is not a JSON integer", path(key) + " = " + value);
            }
            return value.intValue();
        }

        /** A number as BigDecimal, exactly as written (50 stays 50, 50.0 stays 50.0), or null when absent. */
        BigDecimal decimal(String key) {
            JsonNode value = get(key);
            if (value == null) {
                return null;
            }
            if (!value.isNumber()) {
                throw new NoBuilderApi(what + " '" + key + "' that is not a JSON number", path(key) + " = " + value);
            }
            return new BigDecimal(value.asText());
        }

        /** Refuses every field that no builder call consumed. */
        void done() {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!used.contains(name)) {
                    throw new NoBuilderApi(what + " field '" + name + "': no builder method", path(name));
                }
            }
        }
    }
}
