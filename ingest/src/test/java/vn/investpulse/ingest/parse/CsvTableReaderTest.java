package vn.investpulse.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvTableReaderTest {

    static final String HEADER = "event_id,certificate_no,event_type,capital_source,investor_name,investor_country,"
            + "zone_code,sector_code,amount,currency,effective_at\n";

    @Test
    void quotedNamesKeepCommasQuotesAndDiacritics() {
        String csv = HEADER
                + "E1,2101,NEW,DDI,\"Công ty TNHH Logistics \"\"Hải Âu\"\", Chi nhánh Hải Phòng\",VN,DINH_VU,H52,1000000000,VND,2024-03-31\n"
                + "E2,2102,NEW,FDI,\"Samsung Electro-Mechanics Co., Ltd.\",KR,DEEP_C,C26,35000000,USD,2024-04-01\n";

        ParsedTable table = CsvTableReader.read(csv.getBytes(StandardCharsets.UTF_8), TableKind.EVENTS);

        assertThat(table.rows()).hasSize(2);
        assertThat(table.rows().get(0).value("investor_name")).isEqualTo("Công ty TNHH Logistics \"Hải Âu\", Chi nhánh Hải Phòng");
        assertThat(table.rows().get(0).line()).isEqualTo(2);
        assertThat(table.rows().get(1).value("investor_name")).isEqualTo("Samsung Electro-Mechanics Co., Ltd.");
        assertThat(table.rows().get(1).line()).isEqualTo(3);
        assertThat(table.rows().get(1).rawText()).startsWith("E2,2102,NEW").endsWith("2024-04-01");
    }

    @Test
    void bomIsToleratedAndCrLfLinesCount() {
        String csv = "\uFEFF" + HEADER.replace("\n", "\r\n") + "E1,2101,NEW,FDI,A,KR,DEEP_C,C26,1,USD,2024-03-31\r\n";

        ParsedTable table = CsvTableReader.read(csv.getBytes(StandardCharsets.UTF_8), TableKind.EVENTS);

        assertThat(table.rows()).singleElement().satisfies(r -> {
            assertThat(r.value("event_id")).isEqualTo("E1");
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.rawText()).isEqualTo("E1,2101,NEW,FDI,A,KR,DEEP_C,C26,1,USD,2024-03-31");
        });
    }

    @Test
    void aQuotedLineBreakKeepsTheStartLineAndShiftsTheNextRows() {
        String csv = HEADER
                + "E1,2101,NEW,FDI,\"Line one\nline two\",KR,DEEP_C,C26,1,USD,2024-03-31\n"
                + "\n"
                + "E2,2102,NEW,FDI,B,KR,DEEP_C,C26,1,USD,2024-03-31\n";

        ParsedTable table = CsvTableReader.read(csv, TableKind.EVENTS);

        assertThat(table.rows()).extracting(RawRow::line).containsExactly(2L, 5L);
        assertThat(table.rows().get(0).rawText()).contains("Line one\nline two");
    }

    @Test
    void wrongNumberOfColumnsRejectsOnlyThatRow() {
        String csv = HEADER
                + "E1,2101,NEW,FDI,A,KR,DEEP_C,C26,1,USD\n"
                + "E2,2102,NEW,FDI,B,KR,DEEP_C,C26,1,USD,2024-03-31,extra\n"
                + "E3,2103,NEW,FDI,C,KR,DEEP_C,C26,1,USD,2024-03-31\n";

        ParsedTable table = CsvTableReader.read(csv, TableKind.EVENTS);

        assertThat(table.rows()).hasSize(3);
        assertThat(table.rows().get(0).problem().en()).contains("wrong number of columns: expected 11", "found 10");
        assertThat(table.rows().get(0).problem().vi()).contains("sai số cột");
        assertThat(table.rows().get(1).problem().en()).contains("found 12");
        assertThat(table.rows().get(2).problem()).isNull();
        assertThat(table.rows().get(2).line()).isEqualTo(4);
    }

    @Test
    void brokenQuotingCostsOneRowAndReadingResumes() {
        String csv = HEADER
                + "E1,2101,NEW,FDI,\"Bad\"name,KR,DEEP_C,C26,1,USD,2024-03-31\n"
                + "E2,2102,NEW,FDI,Good,KR,DEEP_C,C26,1,USD,2024-03-31\n";

        ParsedTable table = CsvTableReader.read(csv, TableKind.EVENTS);

        assertThat(table.rows()).hasSize(2);
        assertThat(table.rows().get(0).line()).isEqualTo(2);
        assertThat(table.rows().get(0).problem().en()).contains("malformed CSV quoting");
        assertThat(table.rows().get(1).value("investor_name")).isEqualTo("Good");
        assertThat(table.rows().get(1).line()).isEqualTo(3);
    }

    @Test
    void unknownHeadersAreIgnoredAndReported() {
        String csv = "STT," + HEADER + "1,E1,2101,NEW,FDI,A,KR,DEEP_C,C26,1,USD,2024-03-31\n";

        ParsedTable table = CsvTableReader.read(csv, TableKind.EVENTS);

        assertThat(table.ignoredColumns()).containsExactly("STT");
        assertThat(table.rows().get(0).value("event_id")).isEqualTo("E1");
    }

    @Test
    void camelCaseAndVietnameseHeadersAreAccepted() {
        String csv = "Mã sự kiện,Số GCNĐKĐT,Loại,Nguồn vốn,Nhà đầu tư,Quốc gia,KCN/KKT,Ngành,Vốn đăng ký,Tiền tệ,Ngày hiệu lực\n"
                + "E1,2101,Cấp mới,FDI,A,KR,DEEP_C,C26,1,USD,2024-03-31\n";

        ParsedTable table = CsvTableReader.read(csv, TableKind.EVENTS);

        assertThat(table.rows().get(0).values()).containsEntry("certificate_no", "2101").containsEntry("amount", "1")
                .containsEntry("event_type", "Cấp mới").containsEntry("zone_code", "DEEP_C");
    }

    @Test
    void missingRequiredColumnRefusesTheUpload() {
        assertThatThrownBy(() -> CsvTableReader.read("event_id,certificate_no\nE1,1\n", TableKind.EVENTS))
                .isInstanceOf(TableFormatException.class)
                .hasMessageContaining("lacks the column(s) event_type");
        assertThatThrownBy(() -> CsvTableReader.read("", TableKind.EVENTS))
                .isInstanceOf(TableFormatException.class).hasMessageContaining("empty");
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] latin1 = (HEADER + "E1,2101,NEW,FDI,Hà,KR,DEEP_C,C26,1,USD,2024-03-31\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> CsvTableReader.read(latin1, TableKind.EVENTS))
                .isInstanceOf(TableFormatException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void lastRecordWithoutLineEnd() {
        ParsedTable table = CsvTableReader.read(HEADER + "E1,2101,NEW,FDI,\"A\nB\",KR,DEEP_C,C26,1,USD,2024-03-31", TableKind.EVENTS);
        assertThat(table.rows()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.rawText()).endsWith("2024-03-31");
        });
    }
}
