package vn.investpulse.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTableReaderTest {

    @Test
    void camelCaseFieldsAndExactNumbers() {
        String json = """
                [{"eventId":"E1","certificateNo":"2101","eventType":"NEW","capitalSource":"FDI",
                  "investorName":"Công ty \\"A\\", B","investorCountry":"KR","zoneCode":"DEEP_C","sectorCode":"C26",
                  "amount": 12345678901234567890.123456,"currency":"USD","effectiveAt":"2024-03-31"},
                 {"eventId":"E2","line":40}, 7]
                """;

        ParsedTable table = JsonTableReader.read(json.getBytes(StandardCharsets.UTF_8), TableKind.EVENTS);

        assertThat(table.rows()).hasSize(3);
        RawRow first = table.rows().get(0);
        assertThat(first.line()).isEqualTo(1);
        assertThat(first.value("amount")).isEqualTo("12345678901234567890.123456");
        assertThat(first.value("investor_name")).isEqualTo("Công ty \"A\", B");
        assertThat(table.rows().get(1).line()).isEqualTo(40);
        assertThat(table.rows().get(2).problem().en()).contains("not a JSON object");
    }

    @Test
    void notAnArrayIsRefused() {
        assertThatThrownBy(() -> JsonTableReader.read("{\"eventId\":1}".getBytes(StandardCharsets.UTF_8), TableKind.EVENTS))
                .isInstanceOf(TableFormatException.class).hasMessageContaining("array");
        assertThatThrownBy(() -> JsonTableReader.read("[{".getBytes(StandardCharsets.UTF_8), TableKind.EVENTS))
                .isInstanceOf(TableFormatException.class).hasMessageContaining("not valid JSON");
    }
}
