package io.github.camelmessenger.send.model.button;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Launches an Instant Game, optionally with a payload and the player or context to play against.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(value = "type", allowGetters = true)
@JsonPropertyOrder({ "type", "title", "payload", "game_metadata" })
public record GamePlayButton(
        @JsonProperty("title") String title,
        @JsonProperty("payload") String payload,
        @JsonProperty("game_metadata") GameMetadata gameMetadata) implements Button {

    public static final String TYPE = "game_play";

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }

    public GamePlayButton withPayload(String payload) {
        return Button.checked(new GamePlayButton(title, payload, gameMetadata));
    }

    public GamePlayButton withPlayer(String playerId) {
        return Button.checked(new GamePlayButton(title, payload,
                new GameMetadata(playerId, gameMetadata == null ? null : gameMetadata.contextId())));
    }

    public GamePlayButton withContext(String contextId) {
        return Button.checked(new GamePlayButton(title, payload,
                new GameMetadata(gameMetadata == null ? null : gameMetadata.playerId(), contextId)));
    }

    /** The player or the game context the game starts against. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GameMetadata(@JsonProperty("player_id") String playerId,
            @JsonProperty("context_id") String contextId) {
    }
}
