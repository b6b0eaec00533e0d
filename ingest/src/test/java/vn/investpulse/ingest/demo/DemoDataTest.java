package vn.investpulse.ingest.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.investpulse.ingest.ImportPlan;
import vn.investpulse.ingest.ImportReport;
import vn.investpulse.ingest.parse.CsvTableReader;
import vn.investpulse.ingest.parse.TableKind;
import vn.investpulse.ingest.reference.HaiPhongDefaults;
import vn.investpulse.ingest.reference.ReferenceCatalog;
import vn.investpulse.ingest.validate.EventValidator;
import vn.investpulse.ingest.validate.RowContext;
import vn.investpulse.schemas.CapitalSource;
import vn.investpulse.schemas.EventType;
import vn.investpulse.schemas.RegistrationEvent;

class DemoDataTest {

    static final Instant NOW = Instant.parse("2026-11-21T09:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    final ReferenceCatalog catalog = HaiPhongDefaults.catalog();

    List<RegistrationEvent> validated(String csv) {
        EventValidator validator = new EventValidator(catalog, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(1));
        ImportPlan<RegistrationEvent> plan = ImportPlan.of("demo", CsvTableReader.read(csv, TableKind.EVENTS), validator,
                new RowContext("demo", "demo-events.csv", NOW));
        ImportReport report = plan.report(false);
        assertThat(report.rejected()).as("every demo row is valid").isEmpty();
        assertThat(report.duplicates()).isZero();
        return plan.accepted().stream().map(r -> r.value()).toList();
    }

    @Test
    void deterministicAndStableAcrossLoadDays() {
        assertThat(DemoData.eventsCsv(DemoData.SEED, TODAY)).isEqualTo(DemoData.eventsCsv(DemoData.SEED, TODAY));
        List<DemoRow> earlier = DemoData.events(DemoData.SEED, LocalDate.of(2025, 6, 30));
        List<DemoRow> later = DemoData.events(DemoData.SEED, TODAY);
        // Loading on a later day adds events; it never changes the earlier ones.
        assertThat(later).startsWith(earlier.toArray(DemoRow[]::new));
    }

    @Test
    void shapedLikeThePublishedFigures() {
        List<RegistrationEvent> events = validated(DemoData.eventsCsv(DemoData.SEED, TODAY));

        assertThat(events).allSatisfy(e -> assertThat(e.getEffectiveDate()).isBeforeOrEqualTo(TODAY));
        assertThat(events.stream().map(e -> e.getEffectiveDate().getYear()).collect(Collectors.toSet()))
                .containsAll(Set.of(2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026));
        Map<Integer, BigDecimal> fdiUsd = events.stream()
                .filter(e -> e.getCapitalSource() == CapitalSource.FDI && e.getAmount() != null
                        && e.getEventType() != EventType.CAPITAL_DECREASE)
                .collect(Collectors.groupingBy(e -> e.getEffectiveDate().getYear(),
                        Collectors.reducing(BigDecimal.ZERO, this::usd, BigDecimal::add)));
        for (int year = 2019; year <= 2025; year++) {
            assertThat(fdiUsd.get(year)).as("FDI %d", year)
                    .isBetween(new BigDecimal("1.3e9"), new BigDecimal("3.7e9"));
        }
        assertThat(fdiUsd.get(2023)).isBetween(new BigDecimal("3.3e9"), new BigDecimal("3.7e9"));

        BigDecimal ddi2023 = events.stream().filter(e -> e.getCapitalSource() == CapitalSource.DDI && e.getAmount() != null
                        && e.getEffectiveDate().getYear() == 2023 && e.getEventType() != EventType.CAPITAL_DECREASE)
                .map(e -> e.getAmount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(ddi2023).isBetween(new BigDecimal("2.2e13"), new BigDecimal("2.6e13"));   // ~23,847 bn VND

        long newFdi2023 = events.stream().filter(e -> e.getEffectiveDate().getYear() == 2023
                && e.getCapitalSource() == CapitalSource.FDI && e.getEventType() == EventType.NEW).count();
        assertThat(newFdi2023).isBetween(40L, 75L);
        assertThat(events).extracting(RegistrationEvent::getInvestorCountry).contains("KR", "JP", "CN", "TW", "SG", "US", "VN");
        assertThat(events).extracting(RegistrationEvent::getSectorCode).contains("C26", "C27", "C29", "H52");
        assertThat(events).extracting(RegistrationEvent::getInvestorName)
                .contains("LG Display Co., Ltd.", "Công ty TNHH Logistics \"Hải Âu\", Chi nhánh Hải Phòng");
        assertThat(events).extracting(RegistrationEvent::getEventType).contains(EventType.values());
    }

    @Test
    void adjustmentsOnlyFollowTheirProjectsRegistration() {
        List<DemoRow> rows = DemoData.events(DemoData.SEED, TODAY);
        Map<String, String> firstNew = rows.stream().filter(r -> r.eventType().equals("NEW"))
                .collect(Collectors.toMap(DemoRow::certificateNo, DemoRow::effectiveAt, (a, b) -> a));
        assertThat(rows).filteredOn(r -> !r.eventType().equals("NEW")).allSatisfy(r -> {
            assertThat(firstNew).containsKey(r.certificateNo());
            assertThat(r.effectiveAt().substring(0, 10)).isGreaterThan(firstNew.get(r.certificateNo()).substring(0, 10));
        });
        assertThat(rows).filteredOn(r -> r.investorName().equals("LG Display Co., Ltd."))
                .extracting(DemoRow::eventType).startsWith("NEW").contains("CAPITAL_INCREASE");
    }

    @Test
    void theTrickleProducesValidEventsForNow() {
        DemoTrickle trickle = new DemoTrickle(null, Duration.ofSeconds(1), Clock.fixed(NOW, ZoneOffset.UTC), 1);
        List<DemoRow> rows = java.util.stream.IntStream.range(0, 20).mapToObj(i -> trickle.next()).toList();
        List<RegistrationEvent> events = validated(DemoRow.toCsv(rows.stream().distinct().toList()));
        assertThat(events).allSatisfy(e -> assertThat(e.getEffectiveAt()).isEqualTo(NOW));
    }

    private BigDecimal usd(RegistrationEvent e) {
        if (e.getCurrency().equals("USD")) {
            return e.getAmount();
        }
        BigDecimal vnd = e.getCurrency().equals("VND") ? e.getAmount()
                : e.getAmount().multiply(catalog.fxRateOn(e.getCurrency(), e.getEffectiveDate()).orElseThrow());
        return vnd.divide(catalog.fxRateOn("USD", e.getEffectiveDate()).orElseThrow(), 6, RoundingMode.HALF_UP);
    }
}
