package vn.investpulse.sink.write;

import java.util.List;

/**
 * Sends refusals to the sink's dead-letter topic and returns only once they are acknowledged: the
 * writer calls it before it commits the batch that moves past them, so a crash can repeat a dead letter
 * (the rejected_row id de-duplicates it) but never lose one.
 */
@FunctionalInterface
public interface DeadLetterPublisher {

    void publish(List<Refusal> refusals) throws Exception;
}
