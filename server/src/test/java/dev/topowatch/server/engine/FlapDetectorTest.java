package dev.topowatch.server.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FlapDetectorTest {

    @Test
    void a_steady_entity_does_not_flap() {
        assertThat(FlapDetector.percentStateChange("UUUUUUUUUUUUUUUUUUUUU")).isZero();
        assertThat(FlapDetector.isFlapping("FFFFFFFFFFFFFFFFFFFFF", false)).isFalse();
    }

    @Test
    void alternating_every_check_is_full_flapping() {
        assertThat(FlapDetector.percentStateChange("UFUFUFUFUFUFUFUFUFUFU")).isCloseTo(100.0, org.assertj.core.data.Offset.offset(0.001));
        assertThat(FlapDetector.isFlapping("UFUFUFUFUFUFUFUFUFUFU", false)).isTrue();
    }

    @Test
    void one_outage_and_its_recovery_is_not_flapping() {
        assertThat(FlapDetector.isFlapping("UUUUUUUUUFFFFFUUUUUUU", false)).isFalse();
    }

    @Test
    void recent_changes_weigh_more_than_old_ones() {
        var oldChanges = "UFUFUFUUUUUUUUUUUUUUU";
        var recentChanges = "UUUUUUUUUUUUUUUFUFUFU";

        assertThat(FlapDetector.percentStateChange(recentChanges)).isGreaterThan(FlapDetector.percentStateChange(oldChanges));
    }

    @Test
    void the_flag_stays_on_between_the_low_and_high_thresholds() {
        // 5 changes in the newest part of the window: about 28 %, between the thresholds.
        var between = "UUUUUUUUUUUUUUUFUFUFF";
        var percent = FlapDetector.percentStateChange(between);
        assertThat(percent).isBetween(FlapDetector.LOW, FlapDetector.HIGH);

        assertThat(FlapDetector.isFlapping(between, true)).isTrue();
        assertThat(FlapDetector.isFlapping(between, false)).isFalse();
    }

    @Test
    void too_short_a_history_never_flaps() {
        assertThat(FlapDetector.isFlapping("UFUFUF", false)).isFalse();
    }

    @Test
    void remembering_keeps_the_last_window_only() {
        var outcomes = "U".repeat(FlapDetector.WINDOW);

        var next = FlapDetector.remember(outcomes, 'F');

        assertThat(next).hasSize(FlapDetector.WINDOW).endsWith("UF").startsWith("U");
    }
}
