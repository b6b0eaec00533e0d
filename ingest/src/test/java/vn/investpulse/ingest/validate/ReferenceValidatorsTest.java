package vn.investpulse.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.investpulse.ingest.parse.CsvTableReader;
import vn.investpulse.ingest.parse.RawRow;
import vn.investpulse.ingest.parse.TableKind;
import vn.investpulse.ingest.reference.HaiPhongDefaults;
import vn.investpulse.schemas.PlanTarget;
import vn.investpulse.schemas.Zone;
import vn.investpulse.schemas.ZoneKind;

class ReferenceValidatorsTest {

    static final RowContext CONTEXT = new RowContext("http", "ref.csv", Instant.EPOCH);

    @Test
    void bundledDefaultsAreValid() {
        assertThat(HaiPhongDefaults.zones()).extracting(Zone::getCode).contains("DEEP_C", "NAM_CAU_KIEN", "TRANG_DUE",
                "VSIP_HP", "AN_DUONG", "NOMURA_HP", "DO_SON", "NAM_DINH_VU", "MP_DINH_VU", "TIEN_THANH", "DINH_VU",
                "XUAN_CAU", "DINH_VU_CAT_HAI");
        assertThat(HaiPhongDefaults.zones()).filteredOn(z -> z.getCode().equals("DINH_VU_CAT_HAI")).singleElement()
                .satisfies(z -> {
                    assertThat(z.getNameVi()).isEqualTo("KKT Đình Vũ - Cát Hải");
                    assertThat(z.getKind()).isEqualTo(ZoneKind.KKT);
                });
        var catalog = HaiPhongDefaults.catalog();
        assertThat(catalog.fxRateOn("USD", LocalDate.of(1995, 6, 1))).isPresent();
        for (String c : new String[] {"JPY", "KRW", "EUR", "CNY", "SGD", "TWD"}) {
            assertThat(catalog.fxRateOn(c, LocalDate.of(2019, 1, 1))).as(c).isPresent();
        }
        assertThat(HaiPhongDefaults.plans()).extracting(vn.investpulse.ingest.reference.ReferenceKeys::plan)
                .contains("FDI:2023", "DDI:2023", "FDI:2026:DEEP_C");
    }

    @Test
    void zones() {
        ZoneValidator v = new ZoneValidator();
        var ok = v.validate(RawRow.ok(2, Map.of("code", "nam_trang_cat", "name_vi", "KCN Nam Tràng Cát",
                "name_en", "Nam Trang Cat IP", "kind", "Khu công nghiệp"), "raw"), CONTEXT);
        assertThat(ok.key()).isEqualTo("NAM_TRANG_CAT");
        assertThat(ok.value().getKind()).isEqualTo(ZoneKind.KCN);

        var bad = v.validate(RawRow.ok(3, Map.of("code", "BAD CODE", "name_vi", "x", "kind", "ABC"), "raw"), CONTEXT);
        assertThat(bad.reason().en()).contains("letters, digits and '_'", "missing name_en", "unknown zone kind 'ABC'");
        assertThat(bad.reason().vi()).contains("thiếu tên tiếng Anh");
    }

    @Test
    void fxRatesAreKeyedByCurrencyAndDate() {
        FxRateValidator v = new FxRateValidator();
        var ok = v.validate(RawRow.ok(2, Map.of("currency", "usd", "effective_date", "2024-01-01", "vnd_per_unit", "24500.5"), "r"), CONTEXT);
        assertThat(ok.key()).isEqualTo("USD:2024-01-01");
        assertThat(ok.value().getVndPerUnit()).isEqualByComparingTo("24500.5");

        assertThat(v.validate(RawRow.ok(3, Map.of("currency", "VND", "effective_date", "2024-01-01", "vnd_per_unit", "1"), "r"), CONTEXT)
                .reason().en()).contains("VND needs no rate");
        assertThat(v.validate(RawRow.ok(4, Map.of("currency", "USD", "effective_date", "2024-02-30", "vnd_per_unit", "0"), "r"), CONTEXT)
                .reason().en()).contains("impossible date", "must be positive");
    }

    @Test
    void plansAreKeyedBySourceYearAndZone() {
        PlanValidator v = new PlanValidator(HaiPhongDefaults.catalog());
        var rows = CsvTableReader.read("capital_source,year,amount,currency,zone_code\n"
                + "FDI,2023,2000000000,USD,\n"
                + "DDI,2023,10000000000000,VND,\n"
                + "FDI,2024,600000000,USD,DEEP_C\n"
                + "FDI,20x4,1,USD,NOWHERE\n", TableKind.PLANS).rows();
        var results = rows.stream().map(r -> v.validate(r, CONTEXT)).toList();
        assertThat(results).extracting(RowResult::key).containsExactly("FDI:2023", "DDI:2023", "FDI:2024:DEEP_C", null);
        PlanTarget zonePlan = results.get(2).value();
        assertThat(zonePlan.getZoneCode()).isEqualTo("DEEP_C");
        assertThat(results.get(3).reason().en()).contains("year '20x4'", "unknown zone 'NOWHERE'");
        // Without zone_code column at all, the four required columns suffice.
        assertThat(CsvTableReader.read("capital_source,year,amount,currency\nFDI,2023,1,USD\n", TableKind.PLANS).rows())
                .singleElement().satisfies(r -> assertThat(v.validate(r, CONTEXT).key()).isEqualTo("FDI:2023"));
    }
}
