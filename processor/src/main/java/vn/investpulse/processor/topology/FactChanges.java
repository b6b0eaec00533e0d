package vn.investpulse.processor.topology;

import java.util.Map;
import vn.investpulse.processor.figures.MonthFacts;
import vn.investpulse.schemas.RegistrationEvent;

/** The month-fact deltas one counted registration causes, by fact key, with the event that caused them. */
record FactChanges(Map<String, MonthFacts> deltas, RegistrationEvent cause) {
}
