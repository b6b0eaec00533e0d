package vn.investpulse.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

public class XlsxTableReaderTest {

    /** The header row an authority's export uses (Vietnamese), as a test workbook. */
    public static final List<String> VIETNAMESE_HEADER = List.of("Mã sự kiện", "Số GCNĐKĐT", "Loại", "Nguồn vốn", "Nhà đầu tư",
            "Quốc gia", "KCN/KKT", "Ngành", "Vốn đăng ký", "Tiền tệ", "Ngày hiệu lực");

    public static byte[] workbook(List<String> header, List<List<Object>> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "invest-pulse-test", "1.0");
        Worksheet sheet = wb.newWorksheet("Biến động");
        for (int c = 0; c < header.size(); c++) {
            sheet.value(0, c, header.get(c));
        }
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                Object v = row.get(c);
                if (v instanceof Number n) {
                    sheet.value(r + 1, c, n);
                } else if (v instanceof LocalDate d) {
                    sheet.value(r + 1, c, d);
                    sheet.style(r + 1, c).format("yyyy-mm-dd").set();
                } else if (v instanceof LocalDateTime dt) {
                    sheet.value(r + 1, c, dt);
                    sheet.style(r + 1, c).format("yyyy-mm-dd hh:mm").set();
                } else if (v != null) {
                    sheet.value(r + 1, c, v.toString());
                }
            }
        }
        wb.finish();
        return out.toByteArray();
    }

    @Test
    void vietnameseHeadersNumbersAndDateCells() throws IOException {
        byte[] xlsx = workbook(VIETNAMESE_HEADER, List.of(
                List.of("E1", "2101", "NEW", "FDI", "Công ty TNHH Hải Âu, Chi nhánh", "KR", "DEEP_C", "C26",
                        35_000_000, "USD", LocalDate.of(2024, 3, 31)),
                List.of("E2", "2102", "CAPITAL_INCREASE", "DDI", "Tổng công ty Đức Thắng", "VN", "DINH_VU", "H52",
                        new java.math.BigDecimal("1234.5"), "VND", LocalDateTime.of(2023, 12, 31, 23, 30)),
                List.of("E3", "2103", "NEW", "FDI", "X", "KR", "DEEP_C", "C26", 1, "USD", "2024-03-31", "extra")));

        ParsedTable table = XlsxTableReader.read(xlsx, TableKind.EVENTS);

        assertThat(table.rows()).hasSize(3);
        RawRow first = table.rows().get(0);
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.value("certificate_no")).isEqualTo("2101");
        assertThat(first.value("amount")).isEqualTo("35000000");
        assertThat(first.value("effective_at")).isEqualTo("2024-03-31");
        assertThat(first.value("investor_name")).isEqualTo("Công ty TNHH Hải Âu, Chi nhánh");
        RawRow second = table.rows().get(1);
        assertThat(second.value("amount")).isEqualTo("1234.5");
        assertThat(second.value("effective_at")).isEqualTo("2023-12-31T23:30+07:00");
        assertThat(table.rows().get(2).problem().en()).contains("wrong number of columns");
        assertThat(table.rows().get(2).line()).isEqualTo(4);
    }

    @Test
    void notAWorkbookIsRefused() {
        assertThatThrownBy(() -> XlsxTableReader.read("a,b".getBytes(), TableKind.EVENTS))
                .isInstanceOf(TableFormatException.class).hasMessageContaining("XLSX");
    }
}
