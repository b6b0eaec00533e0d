package vn.investpulse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RatioNotesTest {

    @Test
    void theReplayIsComparedStartToEndAndOverTheSecondHalves() {
        Results.Row trivial = new Results.Row(Results.TRIVIAL_STREAMS, "trivial", 40_000, "events/s", "t");
        trivial.secondHalf = 50_000;
        Results.Row replay = new Results.Row(Results.REPLAY, "replay", 10_000, "events/s", "r");
        replay.secondHalf = 20_000;

        replay.ratio(400_000, trivial.perSecond(), 20_000);
        replay.secondHalfRatio(trivial);

        assertThat(replay.note).contains("ratio to ConsumerPerformance 0.025, to trivial Streams app 0.25 (target >= 0.5)")
                .contains("to the floor of its Kafka work 0.50")
                .endsWith("second half of the register only: 0.40 of the trivial app's");
        assertThat(replay.value).as("the measurement stays start to end").isEqualTo(10_000);
    }

    @Test
    void noSecondHalfRatioWithoutBothHalves() {
        Results.Row trivial = new Results.Row(Results.TRIVIAL_STREAMS, "trivial", 40_000, "events/s", "t");
        Results.Row replay = new Results.Row(Results.REPLAY, "replay", 10_000, "events/s", "r");
        replay.secondHalf = 20_000;

        replay.secondHalfRatio(trivial);

        assertThat(replay.note).isEqualTo("r");
    }
}
