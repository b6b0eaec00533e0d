package vn.investpulse.alerts.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesFromTheInitialDelayUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(3));
        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delayAfter(4)).isEqualTo(Duration.ofSeconds(3));
        assertThat(backoff.delayAfter(60)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void redactsTokensFromUrlsInReasons() {
        assertThat(WebhookClient.redacted(java.net.URI.create("https://user:pw@hooks.example:8443/a/b?token=secret")))
                .isEqualTo("https://hooks.example:8443/a/b");
    }
}
