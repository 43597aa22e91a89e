package io.github.camelmessenger.send.model.event;

import java.util.List;
import java.util.Map;

import io.github.camelmessenger.send.model.Platform;
import org.junit.jupiter.api.Test;

import static io.github.camelmessenger.send.model.event.Bodies.PAGE;
import static io.github.camelmessenger.send.model.event.Bodies.PSID;
import static io.github.camelmessenger.send.model.event.Bodies.event;
import static io.github.camelmessenger.send.model.event.Bodies.only;
import static io.github.camelmessenger.send.model.event.Bodies.page;
import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of messaging event: its type, the facts the consumer's headers carry, and the typed fields. */
class EventKindsTest {

    @Test
    void textMessageWithQuickReplyAndReplyTo() {
        WebhookEvent e = only(page(event("""
                "message":{"mid":"m_1","text":"Blue","quick_reply":{"payload":"COLOR_BLUE"},
                           "reply_to":{"mid":"m_0"}}""")));

        assertThat(e.type()).isEqualTo(MessagingEventType.MESSAGE);
        assertThat(e.eventId()).isEqualTo("m_1");
        assertThat(e.pageId()).isEqualTo(PAGE);
        assertThat(e.platform()).isEqualTo(Platform.MESSENGER);
        assertThat(e.replyTargetId()).isEqualTo(PSID);
        assertThat(e.senderId()).isEqualTo(PSID);
        assertThat(e.messageId()).isEqualTo("m_1");
        assertThat(e.text()).isEqualTo("Blue");
        assertThat(e.payload()).isEqualTo("COLOR_BLUE");
        assertThat(e.timestamp()).isEqualTo(1700000000000L);
        EventMessage message = e.event().message();
        assertThat(message.quickReply().payload()).isEqualTo("COLOR_BLUE");
        assertThat(message.replyTo().mid()).isEqualTo("m_0");
        assertThat(message.echo()).isFalse();
        assertThat(e.event().recipient()).isEqualTo(Participant.id(PAGE));
    }

    @Test
    void attachments() {
        WebhookEvent e = only(page(event("""
                "message":{"mid":"m_2","attachments":[
                  {"type":"image","payload":{"url":"https://cdn.example/a.png","sticker_id":369239263222822}},
                  {"type":"location","payload":{"coordinates":{"lat":52.37,"long":4.89}}},
                  {"type":"like_heart"}]}""")));

        assertThat(e.type()).isEqualTo(MessagingEventType.MESSAGE);
        assertThat(e.text()).isNull();
        assertThat(e.payload()).isNull();
        List<EventAttachment> attachments = e.event().message().attachments();
        assertThat(attachments).extracting(EventAttachment::type).containsExactly("image", "location", "like_heart");
        assertThat(attachments.get(0).payload().url()).isEqualTo("https://cdn.example/a.png");
        assertThat(attachments.get(0).payload().stickerId()).isEqualTo("369239263222822");
        assertThat(attachments.get(1).payload().unknownFields())
                .containsOnlyKeys("coordinates");
        assertThat(attachments.get(2).payload()).isNull();
    }

    @Test
    void echoRepliesToTheRecipient() {
        WebhookEvent e = only(page("""
                {"sender":{"id":"%s"},"recipient":{"id":"%s"},"timestamp":1700000000000,
                 "message":{"mid":"m_echo","text":"Thanks!","is_echo":true,"app_id":1517776481860111,
                            "metadata":"ticket-42"}}""".formatted(PAGE, PSID)));

        assertThat(e.type()).isEqualTo(MessagingEventType.ECHO);
        assertThat(e.senderId()).isEqualTo(PAGE);
        assertThat(e.replyTargetId()).isEqualTo(PSID);
        assertThat(e.messageId()).isEqualTo("m_echo");
        assertThat(e.eventId()).isEqualTo("m_echo");
        assertThat(e.text()).isEqualTo("Thanks!");
        EventMessage message = e.event().message();
        assertThat(message.isEcho()).isTrue();
        assertThat(message.appId()).isEqualTo("1517776481860111");
        assertThat(message.metadata()).isEqualTo("ticket-42");
    }

    @Test
    void postbackWithReferral() {
        WebhookEvent e = only(page(event("""
                "postback":{"mid":"m_pb","title":"Get Started","payload":"START",
                            "referral":{"ref":"summer","source":"SHORTLINK","type":"OPEN_THREAD"}}""")));

        assertThat(e.type()).isEqualTo(MessagingEventType.POSTBACK);
        assertThat(e.messageId()).isEqualTo("m_pb");
        assertThat(e.eventId()).isEqualTo("m_pb");
        assertThat(e.payload()).isEqualTo("START");
        assertThat(e.text()).isNull();
        Postback postback = e.event().postback();
        assertThat(postback.title()).isEqualTo("Get Started");
        assertThat(postback.referral()).isEqualTo(new Referral("summer", "SHORTLINK", "OPEN_THREAD", null, null, null));
    }

    @Test
    void postbackWithoutMidIsKeyedBySenderRecipientAndTime() {
        WebhookEvent e = only(page(event("\"postback\":{\"payload\":\"MENU_HELP\"}")));

        assertThat(e.messageId()).isNull();
        assertThat(e.eventId()).isEqualTo("postback|" + PSID + "|" + PAGE + "|1700000000000");
    }

    @Test
    void reactionNamesTheMessageReactedTo() {
        WebhookEvent react = only(page(event("""
                "reaction":{"mid":"m_target","action":"react","reaction":"love","emoji":"\\u2764"}""")));
        WebhookEvent unreact = only(page(event("\"reaction\":{\"mid\":\"m_target\",\"action\":\"unreact\"}")));

        assertThat(react.type()).isEqualTo(MessagingEventType.REACTION);
        assertThat(react.messageId()).isEqualTo("m_target");
        assertThat(react.event().reaction()).isEqualTo(new Reaction("m_target", "react", "love", "\u2764", null));
        assertThat(react.event().reaction().removed()).isFalse();
        assertThat(unreact.event().reaction().removed()).isTrue();
        // the target's mid is not the reaction's key: reacting and un-reacting are two events
        assertThat(react.eventId()).isEqualTo("reaction|" + PSID + "|" + PAGE + "|1700000000000|m_target|react");
        assertThat(unreact.eventId()).isNotEqualTo(react.eventId()).isNotEqualTo("m_target");
    }

    @Test
    void read() {
        WebhookEvent e = only(page(event("\"read\":{\"watermark\":1700000000456}")));

        assertThat(e.type()).isEqualTo(MessagingEventType.READ);
        assertThat(e.event().read().watermark()).isEqualTo(1700000000456L);
        assertThat(e.messageId()).isNull();
        assertThat(e.eventId()).isEqualTo("read|" + PSID + "|" + PAGE + "|1700000000000|1700000000456");
    }

    @Test
    void deliveryWithMidsAndWithTheOlderSingleMid() {
        WebhookEvent mids = only(page(event("\"delivery\":{\"mids\":[\"m_a\",\"m_b\"],\"watermark\":1700000000456}")));
        WebhookEvent single = only(page(event("\"delivery\":{\"mid\":\"m_a\",\"watermark\":1700000000456}")));

        assertThat(mids.type()).isEqualTo(MessagingEventType.DELIVERY);
        assertThat(mids.event().delivery().mids()).containsExactly("m_a", "m_b");
        assertThat(mids.messageId()).isNull();
        assertThat(single.messageId()).isEqualTo("m_a");
        assertThat(single.eventId()).isEqualTo("delivery|" + PSID + "|" + PAGE + "|1700000000000|1700000000456");
    }

    @Test
    void optinForMarketingMessages() {
        WebhookEvent e = only(page(event("""
                "optin":{"type":"notification_messages","payload":"BIRD_FACTS","title":"Bird Facts",
                         "notification_messages_token":"1234567890123456789",
                         "notification_messages_frequency":"DAILY","notification_messages_timezone":"UTC",
                         "token_expiry_timestamp":2145916800000,"user_token_status":"NOT_REFRESHED",
                         "notification_messages_status":"RESUME_NOTIFICATIONS"}""")));

        assertThat(e.type()).isEqualTo(MessagingEventType.OPTIN);
        assertThat(e.payload()).isNull();
        Optin optin = e.event().optin();
        assertThat(optin.notificationMessages()).isTrue();
        assertThat(optin.payload()).isEqualTo("BIRD_FACTS");
        assertThat(optin.title()).isEqualTo("Bird Facts");
        assertThat(optin.notificationMessagesToken()).isEqualTo("1234567890123456789");
        assertThat(optin.notificationMessagesFrequency()).isEqualTo("DAILY");
        assertThat(optin.notificationMessagesTimezone()).isEqualTo("UTC");
        assertThat(optin.tokenExpiryTimestamp()).isEqualTo(2145916800000L);
        assertThat(optin.userTokenStatus()).isEqualTo("NOT_REFRESHED");
        assertThat(optin.notificationMessagesStatus()).isEqualTo("RESUME_NOTIFICATIONS");
        assertThat(e.eventId()).isEqualTo("optin|" + PSID + "|" + PAGE + "|1700000000000");
    }

    @Test
    void optinFromThePluginWithUserRef() {
        WebhookEvent e = only(page("""
                {"recipient":{"id":"%s"},"timestamp":1700000000000,
                 "optin":{"ref":"PASS_THROUGH","user_ref":"UREF_1"}}""".formatted(PAGE)));

        assertThat(e.type()).isEqualTo(MessagingEventType.OPTIN);
        assertThat(e.senderId()).isNull();
        assertThat(e.replyTargetId()).isNull();
        assertThat(e.event().optin().ref()).isEqualTo("PASS_THROUGH");
        assertThat(e.event().optin().userRef()).isEqualTo("UREF_1");
        assertThat(e.event().optin().notificationMessages()).isFalse();
    }

    @Test
    void referralPayloadIsItsRef() {
        WebhookEvent e = only(page(event("""
                "referral":{"ref":"winter","source":"ADS","type":"OPEN_THREAD","ad_id":"6045246247433"}""")));

        assertThat(e.type()).isEqualTo(MessagingEventType.REFERRAL);
        assertThat(e.payload()).isEqualTo("winter");
        assertThat(e.event().referral()).isEqualTo(new Referral("winter", "ADS", "OPEN_THREAD", "6045246247433",
                null, null));
    }

    @Test
    void handoverEvents() {
        WebhookEvent pass = only(page(event("""
                "pass_thread_control":{"new_owner_app_id":"123","previous_owner_app_id":"263902037430900",
                                       "metadata":"escalate"}""")));
        WebhookEvent take = only(page(event("""
                "take_thread_control":{"previous_owner_app_id":"123","metadata":"back"}""")));
        WebhookEvent request = only(page(event("""
                "request_thread_control":{"requested_owner_app_id":263902037430900,"metadata":"please"}""")));
        WebhookEvent roles = only(page(event("\"app_roles\":{\"123\":[\"primary_receiver\"]}")));

        assertThat(List.of(pass, take, request, roles)).extracting(WebhookEvent::type)
                .containsOnly(MessagingEventType.HANDOVER);
        assertThat(pass.event().passThreadControl())
                .isEqualTo(new PassThreadControl("123", "263902037430900", "escalate", null));
        assertThat(take.event().takeThreadControl()).isEqualTo(new TakeThreadControl("123", "back", null));
        assertThat(request.event().requestThreadControl())
                .isEqualTo(new RequestThreadControl("263902037430900", "please", null));
        assertThat(roles.event().appRoles()).isEqualTo(Map.of("123", List.of("primary_receiver")));
        assertThat(List.of(pass, take, request, roles)).extracting(WebhookEvent::eventId).containsExactly(
                "pass_thread_control|" + PSID + "|" + PAGE + "|1700000000000",
                "take_thread_control|" + PSID + "|" + PAGE + "|1700000000000",
                "request_thread_control|" + PSID + "|" + PAGE + "|1700000000000",
                "app_roles|" + PSID + "|" + PAGE + "|1700000000000");
    }

    @Test
    void standbyKeepsTheInnerEventsFacts() {
        String body = """
                {"object":"page","entry":[{"id":"%s","time":1700000000123,"standby":[
                  {"sender":{"id":"%s"},"recipient":{"id":"%s"},"timestamp":1700000000000,
                   "message":{"mid":"m_sb","text":"still there?","quick_reply":{"payload":"QR"}}},
                  {"sender":{"id":"%s"},"recipient":{"id":"%s"},"timestamp":1700000000001,
                   "read":{"watermark":1700000000000}}]}]}""".formatted(PAGE, PSID, PAGE, PSID, PAGE);

        List<WebhookEvent> events = Bodies.parse(body);

        assertThat(events).extracting(WebhookEvent::type).containsOnly(MessagingEventType.STANDBY);
        WebhookEvent message = events.get(0);
        assertThat(message.messageId()).isEqualTo("m_sb");
        assertThat(message.text()).isEqualTo("still there?");
        assertThat(message.payload()).isEqualTo("QR");
        assertThat(message.eventId()).isEqualTo("m_sb");
        assertThat(message.replyTargetId()).isEqualTo(PSID);
        assertThat(events.get(1).eventId())
                .isEqualTo("standby:read|" + PSID + "|" + PAGE + "|1700000000001|1700000000000");
    }

    @Test
    void instagram() {
        WebhookEvent e =
                only("""
                        {"object":"instagram","entry":[{"id":"17841400000000000","time":1700000000123,"messaging":[
                          {"sender":{"id":"IGSID_1"},"recipient":{"id":"17841400000000000"},"timestamp":1700000000000,
                           "message":{"mid":"ig_m","attachments":[{"type":"story_mention","payload":{"url":"https://s"}}]}}]}]}""");

        assertThat(e.platform()).isEqualTo(Platform.INSTAGRAM);
        assertThat(e.pageId()).isEqualTo("17841400000000000");
        assertThat(e.type()).isEqualTo(MessagingEventType.MESSAGE);
        assertThat(e.replyTargetId()).isEqualTo("IGSID_1");
    }

    @Test
    void eventOfNoKnownKindIsUnknownWithItsFieldsKept() {
        WebhookEvent e = only(page(event("""
                "account_linking":{"status":"linked","authorization_code":"CODE"}""")));

        assertThat(e.type()).isEqualTo(MessagingEventType.UNKNOWN);
        assertThat(e.senderId()).isEqualTo(PSID);
        assertThat(e.replyTargetId()).isEqualTo(PSID);
        assertThat(e.messageId()).isNull();
        assertThat(e.eventId()).isEqualTo("account_linking|" + PSID + "|" + PAGE + "|1700000000000");
        assertThat(e.event().unknownFields())
                .isEqualTo(Map.of("account_linking", Map.of("status", "linked", "authorization_code", "CODE")));
    }

    @Test
    void emptyEventIsUnknown() {
        WebhookEvent e = only(page("{}"));

        assertThat(e.type()).isEqualTo(MessagingEventType.UNKNOWN);
        assertThat(e.senderId()).isNull();
        assertThat(e.timestamp()).isNull();
        assertThat(e.pageId()).isEqualTo(PAGE);
        assertThat(e.eventId()).isEqualTo("unknown|||");
    }

    @Test
    void knownFieldOfAnUnreadableShapeMakesTheEventUnknownButLosesNothing() {
        WebhookEvent e = only(page(event("\"message\":{\"mid\":\"m_odd\",\"text\":{\"rich\":true}}")));

        assertThat(e.type()).isEqualTo(MessagingEventType.UNKNOWN);
        assertThat(e.senderId()).isEqualTo(PSID);
        assertThat(e.timestamp()).isEqualTo(1700000000000L);
        assertThat(e.event().unknownFields())
                .isEqualTo(Map.of("message", Map.of("mid", "m_odd", "text", Map.of("rich", true))));
    }
}
