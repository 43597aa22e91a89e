package io.github.camelmessenger.send;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookRecentEventIdsTest {

    @Test
    void addsAnIdOnceUntilItIsRemoved() {
        RecentEventIds ids = new RecentEventIds(10);
        assertThat(ids.add("m_1")).isTrue();
        assertThat(ids.add("m_1")).isFalse();
        assertThat(ids.contains("m_1")).isTrue();
        assertThat(ids.confirm("m_1")).isTrue();
        assertThat(ids.remove("m_1")).isTrue();
        assertThat(ids.remove("m_1")).isFalse();
        assertThat(ids.contains("m_1")).isFalse();
        assertThat(ids.add("m_1")).isTrue();
    }

    @Test
    void keepsTheLastIdsAddedUpToItsCapacity() {
        RecentEventIds ids = new RecentEventIds(3);
        for (int i = 1; i <= 5; i++) {
            assertThat(ids.add("m_" + i)).isTrue();
        }
        assertThat(ids.size()).isEqualTo(3);
        assertThat(ids.contains("m_1")).isFalse();
        assertThat(ids.contains("m_2")).isFalse();
        assertThat(ids.contains("m_3")).isTrue();
        assertThat(ids.contains("m_5")).isTrue();
        // a repeat does not make room: the oldest stays until a new id pushes it out
        assertThat(ids.add("m_3")).isFalse();
        assertThat(ids.add("m_6")).isTrue();
        assertThat(ids.contains("m_3")).isFalse();
        ids.clear();
        assertThat(ids.size()).isZero();
    }

    @Test
    void needsAPositiveCapacity() {
        assertThatThrownBy(() -> new RecentEventIds(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
