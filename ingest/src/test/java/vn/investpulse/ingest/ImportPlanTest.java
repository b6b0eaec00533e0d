package vn.investpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import vn.investpulse.contracts.Topics;
import vn.investpulse.ingest.parse.CsvTableReader;
import vn.investpulse.ingest.parse.TableKind;
import vn.investpulse.ingest.reference.HaiPhongDefaults;
import vn.investpulse.ingest.validate.EventValidator;
import vn.investpulse.ingest.validate.RowContext;
import vn.investpulse.schemas.DeadLetter;
import vn.investpulse.schemas.RegistrationEvent;

class ImportPlanTest {

    static final Instant NOW = Instant.parse("2026-11-21T09:00:00Z");
    static final String CSV = "event_id,certificate_no,event_type,capital_source,investor_name,investor_country,"
            + "zone_code,sector_code,amount,currency,effective_at\n"
            + "E1,2101,NEW,FDI,\"A, Ltd.\",KR,DEEP_C,C26,35000000,USD,2024-03-31\n"       // line 2
            + "E2,2102,NEW,FDI,B,KR,NOWHERE,C26,1,USD,2024-03-31\n"                       // line 3: rejected
            + "E1,2101,NEW,FDI,\"A, Ltd.\",KR,DEEP_C,C26,35000000,USD,2024-03-31\n"       // line 4: duplicate of 2
            + "E2,2102,NEW,FDI,B,KR,DEEP_C,C26,1,USD,2024-03-31\n";                       // line 5: valid E2

    final EventValidator validator = new EventValidator(HaiPhongDefaults.catalog(), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(1));
    final Topics topics = new Topics(3, (short) 1);

    ImportPlan<RegistrationEvent> plan(String file, Instant at) {
        return ImportPlan.of("req", CsvTableReader.read(CSV, TableKind.EVENTS), validator, new RowContext("http", file, at));
    }

    @Test
    void duplicatesWithinAnUploadAreReportedAndSentOnce() {
        ImportReport report = plan("a.csv", NOW).report(false);

        assertThat(report.accepted()).isEqualTo(2);
        assertThat(report.duplicates()).isEqualTo(1);
        assertThat(report.duplicateRows()).containsExactly(new ImportReport.Duplicate(4, "E1", 2));
        assertThat(report.rejected()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.eventId()).isEqualTo("E2");
            assertThat(r.reason()).contains("unknown zone 'NOWHERE'");
            assertThat(r.reasonVi()).contains("KCN/KKT không xác định");
        });
    }

    @Test
    void acceptedRowsGoToTheTopicInOrderAndRejectedRowsToTheDeadLetterTopic() {
        var records = plan("a.csv", NOW).records(topics.registrations().name(), topics.registrationsDlq().name());

        assertThat(records).extracting(ProducerRecord::topic).containsExactly(
                Topics.REGISTRATIONS, Topics.REGISTRATIONS, Topics.REGISTRATIONS_DLQ);
        assertThat(records).extracting(ProducerRecord::key).containsExactly("2101", "2102", "E2");
        DeadLetter dead = (DeadLetter) records.get(2).value();
        assertThat(dead.getStage()).isEqualTo("ingest");
        assertThat(dead.getConnector()).isEqualTo("http");
        assertThat(dead.getFile()).isEqualTo("a.csv");
        assertThat(dead.getLine()).isEqualTo(3);
        assertThat(dead.getRawText()).isEqualTo("E2,2102,NEW,FDI,B,KR,NOWHERE,C26,1,USD,2024-03-31");
        assertThat(dead.getReasonVi()).contains("KCN/KKT không xác định");
    }

    @Test
    void reImportProducesTheSameKeysAndTheSameEventFields() {
        var first = plan("a.csv", NOW).records(Topics.REGISTRATIONS, Topics.REGISTRATIONS_DLQ);
        var again = plan("b.csv", NOW.plusSeconds(3600)).records(Topics.REGISTRATIONS, Topics.REGISTRATIONS_DLQ);

        assertThat(again).extracting(ProducerRecord::key).isEqualTo(first.stream().map(ProducerRecord::key).toList());
        for (int i = 0; i < 2; i++) {
            assertThat(withoutProvenance(again.get(i).value())).isEqualTo(withoutProvenance(first.get(i).value()));
        }
    }

    /** Only provenance and ingestedAt may differ between two imports of one row. */
    static RegistrationEvent withoutProvenance(SpecificRecord record) {
        RegistrationEvent e = RegistrationEvent.newBuilder((RegistrationEvent) record).build();
        e.setIngestedAt(Instant.EPOCH);
        e.getSource().setFile(null);
        return e;
    }
}
