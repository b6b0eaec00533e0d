// The charts, drawn with Apache ECharts (served from the jar as /dashboard/vendor/echarts.min.js, a global `echarts`).

import { formatMoney, formatNumber, formatPercent, formatScaled, moneyUnit } from './format.js';
import { TEXTS } from './i18n.js';

const TOP_ROWS = 10;
const COLORS = {
  text: '#d7e0ef',
  muted: '#8797b3',
  grid: '#2a3957',
  bar: '#3d8bfd',
  barAlt: '#22b8a6',
  ytd: '#ffc53d',
  plan: '#ff6b6b',
  pace: '#b48cff',
  other: '#5d6b85',
  highlight: '#ffc53d',
};
const FONT = { color: COLORS.text, fontSize: 14 };

const charts = new Map();
/** Honour the system's reduced-motion setting (also what makes the browser tests' screenshots deterministic). */
const ANIMATE = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;

function chartFor(element) {
  let chart = charts.get(element);
  if (!chart) {
    chart = window.echarts.init(element, null, { renderer: 'canvas' });
    charts.set(element, chart);
  }
  return chart;
}

export function resizeCharts() {
  for (const chart of charts.values()) {
    chart.resize();
  }
}

function amountField(currency) {
  return currency === 'VND' ? 'totalCapitalVnd' : 'totalCapitalUsd';
}

function monthOf(row) {
  const id = String(row.period ?? row.periodId ?? row.periodStart ?? '');
  const match = id.match(/^\d{4}-(\d{2})/);
  return match ? Number(match[1]) : null;
}

/**
 * Monthly registered capital (bars), its running year-to-date total (line), the annual plan (horizontal line)
 * and the expected pace (plan × pace factor × share of the year, dashed).
 *
 * @param lastMonth the last month that has happened (12 for a past year), later months are left empty
 */
export function drawMonthly(element, { rows, currency, planAmount, paceFactor, lastMonth, lang, sourceLabel }) {
  const t = TEXTS[lang];
  const field = amountField(currency);
  const byMonth = new Array(12).fill(0);
  for (const row of rows || []) {
    const month = monthOf(row);
    if (month) {
      byMonth[month - 1] = Number(row[field] || 0);
    }
  }
  const ytd = [];
  let running = 0;
  for (let m = 1; m <= 12; m += 1) {
    running += byMonth[m - 1];
    ytd.push(m <= lastMonth ? running : null);
  }
  const plan = planAmount ? Number(planAmount) : null;
  const pace = plan ? Array.from({ length: 12 }, (_, i) => (plan * paceFactor * (i + 1)) / 12) : [];
  const unit = moneyUnit(Math.max(plan || 0, running, ...byMonth));
  const scaled = (v) => (v === null ? null : v / unit.divisor);
  const money = (v) => formatScaled(v, unit, currency, lang);
  const axisUnit = lang === 'en' ? `${currency}${unit.en ? ` ${unit.en}` : ''}`
    : `${unit.vi ? `${unit.vi} ` : ''}${currency === 'VND' ? 'đồng' : currency}`;

  const series = [
    {
      name: t.seriesMonth, type: 'bar', data: byMonth.map((v, i) => (i < lastMonth ? scaled(v) : null)),
      itemStyle: { color: COLORS.bar, borderRadius: [3, 3, 0, 0] }, barMaxWidth: 36,
    },
    {
      name: t.seriesYtd, type: 'line', data: ytd.map(scaled), symbolSize: 7,
      lineStyle: { width: 3, color: COLORS.ytd }, itemStyle: { color: COLORS.ytd },
      markLine: plan ? {
        symbol: 'none', silent: true,
        lineStyle: { color: COLORS.plan, width: 2, type: 'solid' },
        label: { formatter: `${t.seriesPlan}: ${formatScaled(plan / unit.divisor, unit, currency, lang)}`, color: COLORS.plan, position: 'insideEndTop', fontSize: 13 },
        data: [{ yAxis: plan / unit.divisor }],
      } : undefined,
    },
  ];
  if (plan) {
    series.push({
      name: t.seriesPace, type: 'line', data: pace.map(scaled), symbol: 'none',
      lineStyle: { width: 2, type: 'dashed', color: COLORS.pace }, itemStyle: { color: COLORS.pace },
    });
    series.push({ name: t.seriesPlan, type: 'line', data: [], itemStyle: { color: COLORS.plan } });
  }
  chartFor(element).setOption({
    animation: ANIMATE,
    animationDuration: 300,
    textStyle: FONT,
    title: { text: `${sourceLabel} · ${axisUnit}`, left: 8, top: 0, textStyle: { color: COLORS.muted, fontSize: 13, fontWeight: 'normal' } },
    legend: { top: 0, right: 8, textStyle: FONT },
    grid: { left: 56, right: 24, top: 40, bottom: 28 },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) => (v === null || v === undefined ? '—' : money(v)),
    },
    xAxis: {
      type: 'category', data: Array.from({ length: 12 }, (_, i) => t.month(i + 1)),
      axisLabel: FONT, axisLine: { lineStyle: { color: COLORS.grid } },
    },
    yAxis: {
      type: 'value', axisLabel: { ...FONT, formatter: (v) => formatNumber(v, lang, 0, 1) },
      // The plan is a mark line, which ECharts leaves out of the axis range: keep it in view.
      max: plan ? (extent) => niceCeil(Math.max(extent.max, plan / unit.divisor) * 1.05) : null,
      splitLine: { lineStyle: { color: COLORS.grid } },
    },
    series,
  }, true);
}

/** The smallest round number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^n) at or above value, for the axis end. */
function niceCeil(value) {
  if (!(value > 0)) {
    return 1;
  }
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((m) => m * power >= value);
  return step * power;
}

/** Keeps the TOP_ROWS biggest rows and sums the rest into one "Khác" / "Other" row. */
export function topRows(rows, currency, otherLabel) {
  const field = amountField(currency);
  const sorted = [...(rows || [])].sort((a, b) => Number(b[field] || 0) - Number(a[field] || 0));
  const total = sorted.reduce((sum, row) => sum + Number(row[field] || 0), 0);
  const share = (row, amount) => (row && row.sharePct !== undefined && row.sharePct !== null
    ? Number(row.sharePct) : (total ? (amount / total) * 100 : 0));
  const top = sorted.slice(0, TOP_ROWS).map((row) => ({
    key: String(row.value ?? row.dimensionValue ?? row.key ?? ''),
    amount: Number(row[field] || 0),
    share: share(row, Number(row[field] || 0)),
    other: false,
  }));
  const rest = sorted.slice(TOP_ROWS);
  if (rest.length) {
    const amount = rest.reduce((sum, row) => sum + Number(row[field] || 0), 0);
    const restShare = rest.reduce((sum, row) => sum + share(row, Number(row[field] || 0)), 0);
    top.push({ key: otherLabel, amount, share: restShare, other: true });
  }
  return top;
}

/** A horizontal bar per dimension value (biggest on top), labelled with its share and amount. */
export function drawBreakdown(element, { rows, currency, lang, nameOf, highlight }) {
  const t = TEXTS[lang];
  const top = topRows(rows, currency, t.other);
  const chart = chartFor(element);
  if (!top.length) {
    chart.setOption({
      title: { text: t.noData, left: 'center', top: 'middle', textStyle: { color: COLORS.muted, fontSize: 16, fontWeight: 'normal' } },
      xAxis: { show: false }, yAxis: { show: false }, series: [],
    }, true);
    return;
  }
  const names = top.map((r) => (r.other ? r.key : nameOf(r.key)));
  chart.setOption({
    animation: ANIMATE,
    animationDuration: 300,
    textStyle: FONT,
    grid: { left: 8, right: 150, top: 4, bottom: 4, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p) => `${names[p.dataIndex]}<br>${formatMoney(top[p.dataIndex].amount, currency, lang)} · ${formatPercent(top[p.dataIndex].share, lang)}`,
    },
    xAxis: { type: 'value', show: false, max: (v) => v.max * 1.02 },
    yAxis: {
      type: 'category', inverse: true, data: names,
      axisLabel: { ...FONT, width: 170, overflow: 'truncate' }, axisLine: { show: false }, axisTick: { show: false },
    },
    series: [{
      type: 'bar', barMaxWidth: 18,
      data: top.map((r) => ({
        value: r.share,
        itemStyle: { color: r.other ? COLORS.other : (highlight && r.key === highlight ? COLORS.highlight : COLORS.barAlt), borderRadius: 3 },
      })),
      label: {
        show: true, position: 'right', color: COLORS.text, fontSize: 13,
        formatter: (p) => `${formatPercent(top[p.dataIndex].share, lang)} · ${formatMoney(top[p.dataIndex].amount, currency, lang)}`,
      },
    }],
  }, true);
}
