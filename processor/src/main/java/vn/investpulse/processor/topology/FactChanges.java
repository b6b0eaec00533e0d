package vn.investpulse.processor.topology;

import java.util.List;
import vn.investpulse.processor.facts.FactDelta;
import vn.investpulse.schemas.RegistrationEvent;

/** The daily-fact deltas one counted registration causes (shared between series: never mutated), with its event. */
record FactChanges(List<FactDelta> deltas, RegistrationEvent cause) {
}
