package vn.investpulse.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.investpulse.ingest.parse.CsvTableReader;
import vn.investpulse.ingest.parse.ParsedTable;
import vn.investpulse.ingest.parse.RawRow;
import vn.investpulse.ingest.parse.TableKind;

class CsvBatchesTest {

    static final String CSV = "\uFEFFevent_id,certificate_no,event_type,capital_source,investor_name,investor_country,"
            + "zone_code,sector_code,amount,currency,effective_at\r\n"
            + "E1,1,NEW,FDI,\"Two\nlines\",KR,DEEP_C,C26,1,USD,2024-03-31\r\n"   // lines 2-3
            + "\r\n"                                                              // line 4
            + "E2,2,NEW,FDI,\"A, \"\"B\"\"\",KR,DEEP_C,C26,1,USD,2024-03-31\r\n"  // line 5
            + "E1,1,NEW,FDI,X,KR,DEEP_C,C26,1,USD,2024-03-31\r\n"                 // line 6
            + "E3,3,NEW,FDI,X,KR,DEEP_C,C26,1,USD,2024-03-31";                    // line 7, no line end

    @Test
    void recordsKeepTheirFirstLineAndIds() {
        CsvBatches batches = CsvBatches.of(CSV, TableKind.EVENTS);

        assertThat(batches.records()).extracting(CsvBatches.Record::line).containsExactly(2L, 4L, 5L, 6L, 7L);
        assertThat(batches.records()).extracting(batches::id).containsExactly("E1", null, "E2", "E1", "E3");
    }

    @Test
    void aBatchReadBackOnTheServerReportsTheOriginalLinesEvenWithARecordLeftOut() {
        CsvBatches batches = CsvBatches.of(CSV, TableKind.EVENTS);
        List<CsvBatches.Record> second = batches.records().subList(2, 5);
        CsvBatches.Record duplicate = second.get(1);

        String body = batches.body(second, Set.of(duplicate));
        ParsedTable table = CsvTableReader.read(body, TableKind.EVENTS).shifted(CsvBatches.lineOffset(second));

        assertThat(table.rows()).extracting(RawRow::line).containsExactly(5L, 7L);
        assertThat(table.rows()).extracting(r -> r.value("event_id")).containsExactly("E2", "E3");
        assertThat(table.rows().get(0).value("investor_name")).isEqualTo("A, \"B\"");

        ParsedTable first = CsvTableReader.read(batches.body(batches.records().subList(0, 2), Set.of()), TableKind.EVENTS);
        assertThat(first.rows()).extracting(RawRow::line).containsExactly(2L);
    }

    @Test
    void fieldExtractionFollowsRfc4180() {
        String r = "a,\"b, \"\"c\"\"\",,\"d\ne\"\r\n";
        assertThat(CsvBatches.field(r, 0, r.length(), 0)).isEqualTo("a");
        assertThat(CsvBatches.field(r, 0, r.length(), 1)).isEqualTo("b, \"c\"");
        assertThat(CsvBatches.field(r, 0, r.length(), 2)).isEqualTo("");
        assertThat(CsvBatches.field(r, 0, r.length(), 3)).isEqualTo("d\ne");
        assertThat(CsvBatches.field(r, 0, r.length(), 4)).isNull();
    }
}
