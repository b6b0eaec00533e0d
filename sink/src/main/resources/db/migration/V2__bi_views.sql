-- BI views for the common questions. Portable SQL (PostgreSQL and H2 in PostgreSQL mode).
-- "Reporting currency" follows the Authority's reports: FDI in USD, DDI in VND, ALL (both) in USD.
-- Column names avoid words H2 reserves (year, month, value).

-- Year and year-to-date per source: the YEAR row of the TOTAL dimension is the year so far (YTD for the
-- current year), with % of plan and YoY as the processor computed them; ytd_through_month is the last month
-- with data, and ytd_yoy_growth_pct compares January..that month with the same months a year earlier.
CREATE VIEW v_year_summary AS
SELECT y.source,
       CAST(y.period_id AS integer)                                                AS report_year,
       CASE y.source WHEN 'DDI' THEN 'VND' ELSE 'USD' END                          AS reporting_currency,
       y.new_projects, y.capital_increases, y.capital_decreases, y.share_purchases, y.terminations,
       y.new_capital_usd, y.new_capital_vnd,
       y.adjusted_capital_usd, y.adjusted_capital_vnd,
       y.share_purchase_capital_usd, y.share_purchase_capital_vnd,
       y.total_capital_usd, y.total_capital_vnd,
       CASE y.source WHEN 'DDI' THEN y.total_capital_vnd ELSE y.total_capital_usd END AS total_capital_reporting,
       y.plan_amount, y.plan_currency, y.plan_progress_pct, y.yoy_growth_pct,
       y.cumulative_projects, y.cumulative_capital_usd, y.cumulative_capital_vnd,
       lm.last_month                                                              AS ytd_through_month,
       (SELECT SUM(CASE p.source WHEN 'DDI' THEN p.total_capital_vnd ELSE p.total_capital_usd END)
          FROM indicator p
         WHERE p.source = y.source AND p.dimension = 'TOTAL' AND p.period_kind = 'MONTH'
           AND CAST(SUBSTRING(p.period_id, 1, 4) AS integer) = CAST(y.period_id AS integer) - 1
           AND CAST(SUBSTRING(p.period_id, 6, 2) AS integer) <= lm.last_month)   AS prior_ytd_capital_reporting,
       y.as_of
  FROM indicator y
  LEFT JOIN (SELECT m.source, CAST(SUBSTRING(m.period_id, 1, 4) AS integer) AS report_year,
                    MAX(CAST(SUBSTRING(m.period_id, 6, 2) AS integer)) AS last_month
               FROM indicator m
              WHERE m.dimension = 'TOTAL' AND m.period_kind = 'MONTH'
              GROUP BY m.source, CAST(SUBSTRING(m.period_id, 1, 4) AS integer)) lm
         ON lm.source = y.source AND lm.report_year = CAST(y.period_id AS integer)
 WHERE y.dimension = 'TOTAL' AND y.period_kind = 'YEAR';

-- The same with the YTD growth on the same months of the previous year (cùng kỳ), in the reporting currency.
CREATE VIEW v_ytd_summary AS
SELECT s.source, s.report_year, s.reporting_currency, s.ytd_through_month,
       s.new_projects, s.total_capital_reporting AS ytd_capital_reporting,
       s.plan_amount, s.plan_currency, s.plan_progress_pct,
       s.prior_ytd_capital_reporting,
       CASE WHEN s.prior_ytd_capital_reporting IS NULL OR s.prior_ytd_capital_reporting = 0 THEN NULL
            ELSE ROUND(s.total_capital_reporting * 100 / s.prior_ytd_capital_reporting - 100, 2) END AS ytd_yoy_growth_pct,
       s.as_of
  FROM v_year_summary s;

-- Every breakdown row of a year with its rank and share of the source's total in the reporting currency.
CREATE VIEW v_year_breakdown AS
SELECT b.source,
       CAST(b.period_id AS integer)                                                AS report_year,
       b.dimension,
       b.dimension_value,
       CASE b.source WHEN 'DDI' THEN 'VND' ELSE 'USD' END                          AS reporting_currency,
       b.new_projects, b.capital_increases, b.capital_decreases, b.share_purchases, b.terminations,
       b.total_capital_usd, b.total_capital_vnd,
       CASE b.source WHEN 'DDI' THEN b.total_capital_vnd ELSE b.total_capital_usd END AS total_capital_reporting,
       CASE WHEN t.total_capital_usd IS NULL THEN NULL
            WHEN b.source = 'DDI' AND t.total_capital_vnd <> 0 THEN ROUND(b.total_capital_vnd * 100 / t.total_capital_vnd, 2)
            WHEN b.source <> 'DDI' AND t.total_capital_usd <> 0 THEN ROUND(b.total_capital_usd * 100 / t.total_capital_usd, 2)
            ELSE NULL END                                                          AS share_pct,
       RANK() OVER (PARTITION BY b.source, b.dimension, b.period_id
                    ORDER BY CASE b.source WHEN 'DDI' THEN b.total_capital_vnd ELSE b.total_capital_usd END DESC) AS capital_rank,
       b.yoy_growth_pct,
       b.cumulative_projects, b.cumulative_capital_usd, b.cumulative_capital_vnd,
       b.as_of
  FROM indicator b
  LEFT JOIN indicator t
         ON t.source = b.source AND t.dimension = 'TOTAL' AND t.dimension_value = ''
        AND t.period_kind = 'YEAR' AND t.period_id = b.period_id
 WHERE b.period_kind = 'YEAR' AND b.dimension <> 'TOTAL';

CREATE VIEW v_top_zones AS
SELECT source, report_year, dimension_value AS zone_code, capital_rank, share_pct, reporting_currency,
       total_capital_reporting, total_capital_usd, total_capital_vnd, new_projects, capital_increases,
       share_purchases, terminations, yoy_growth_pct, cumulative_projects, cumulative_capital_usd,
       cumulative_capital_vnd, as_of
  FROM v_year_breakdown WHERE dimension = 'ZONE';

-- Sectors are VSIC 2018 divisions (ngành cấp 2, e.g. C26); sector_section is their section letter (C).
CREATE VIEW v_top_sectors AS
SELECT source, report_year, dimension_value AS sector_code, SUBSTRING(dimension_value, 1, 1) AS sector_section,
       capital_rank, share_pct, reporting_currency,
       total_capital_reporting, total_capital_usd, total_capital_vnd, new_projects, capital_increases,
       share_purchases, terminations, yoy_growth_pct, cumulative_projects, cumulative_capital_usd,
       cumulative_capital_vnd, as_of
  FROM v_year_breakdown WHERE dimension = 'SECTOR';

CREATE VIEW v_top_sections AS
SELECT source, report_year, dimension_value AS section_code, capital_rank, share_pct, reporting_currency,
       total_capital_reporting, total_capital_usd, total_capital_vnd, new_projects, capital_increases,
       share_purchases, terminations, yoy_growth_pct, cumulative_projects, cumulative_capital_usd,
       cumulative_capital_vnd, as_of
  FROM v_year_breakdown WHERE dimension = 'SECTION';

-- Investor countries (ISO 3166-1 alpha-2).
CREATE VIEW v_top_countries AS
SELECT source, report_year, dimension_value AS country_code, capital_rank, share_pct, reporting_currency,
       total_capital_reporting, total_capital_usd, total_capital_vnd, new_projects, capital_increases,
       share_purchases, terminations, yoy_growth_pct, cumulative_projects, cumulative_capital_usd,
       cumulative_capital_vnd, as_of
  FROM v_year_breakdown WHERE dimension = 'COUNTRY';

-- The monthly series for charts, every dimension, with the running year-to-date capital.
CREATE VIEW v_monthly_series AS
SELECT m.source,
       m.dimension,
       m.dimension_value,
       m.period_id,
       CAST(SUBSTRING(m.period_id, 1, 4) AS integer)                              AS report_year,
       CAST(SUBSTRING(m.period_id, 6, 2) AS integer)                              AS report_month,
       m.period_start, m.period_end,
       CASE m.source WHEN 'DDI' THEN 'VND' ELSE 'USD' END                          AS reporting_currency,
       m.new_projects, m.capital_increases, m.capital_decreases, m.share_purchases, m.terminations,
       m.new_capital_usd, m.new_capital_vnd, m.adjusted_capital_usd, m.adjusted_capital_vnd,
       m.share_purchase_capital_usd, m.share_purchase_capital_vnd,
       m.total_capital_usd, m.total_capital_vnd,
       CASE m.source WHEN 'DDI' THEN m.total_capital_vnd ELSE m.total_capital_usd END AS total_capital_reporting,
       SUM(CASE m.source WHEN 'DDI' THEN m.total_capital_vnd ELSE m.total_capital_usd END)
           OVER (PARTITION BY m.source, m.dimension, m.dimension_value, SUBSTRING(m.period_id, 1, 4)
                 ORDER BY m.period_id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS ytd_capital_reporting,
       m.plan_amount, m.plan_currency, m.plan_progress_pct, m.yoy_growth_pct,
       m.cumulative_projects, m.cumulative_capital_usd, m.cumulative_capital_vnd,
       m.as_of
  FROM indicator m
 WHERE m.period_kind = 'MONTH';

-- The current state of every alert: its newest transition.
CREATE VIEW v_alert_current AS
SELECT id, state, processed_at, kind, source, scope, alert_year, threshold_pct, progress_pct, plan_amount,
       plan_currency, event_id, certificate_no, event_time, message_vi, message_en
  FROM (SELECT a.*, ROW_NUMBER() OVER (PARTITION BY a.id ORDER BY a.processed_at DESC, a.state) AS newest
          FROM alert a) ranked
 WHERE newest = 1;
