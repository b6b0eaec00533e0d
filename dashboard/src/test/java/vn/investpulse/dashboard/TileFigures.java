package vn.investpulse.dashboard;

import java.time.LocalDate;
import java.time.ZoneId;
import org.openqa.selenium.By;
import vn.investpulse.dashboard.browser.HeadlessChromium;

/** What the tile tests serve and read: a source's whole-year indicator, and an element's text on the page. */
final class TileFigures {

    static final int YEAR = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear();

    private TileFigures() {
    }

    /** The indicator JSON of a source's whole year, total scope, with a 1 bn USD plan. */
    static String yearFigure(String source, long capitalUsd, int planPct) {
        return """
                {"source":"%s","dimension":"TOTAL","dimensionValue":"","periodKind":"YEAR","period":"%d",\
                "totalCapitalUsd":%d,"totalCapitalVnd":0,"planAmount":1000000000,"planCurrency":"USD",\
                "planProgressPct":%d,"newProjects":%d,"capitalIncreases":0,"cumulativeProjects":%d}"""
                .formatted(source, YEAR, capitalUsd, planPct, capitalUsd > 0 ? 1 : 0, capitalUsd > 0 ? 1 : 0);
    }

    static String text(HeadlessChromium browser, String id) {
        return browser.driver().findElement(By.id(id)).getText();
    }
}
