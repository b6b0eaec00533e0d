// The monitoring screen: headline tiles, monthly chart, breakdowns and the alert feed for one year and zone,
// kept live by the indicator and alert streams (server-sent events) — no polling loop.

import * as api from './api.js';
import { drawBreakdown, drawMonthly, resizeCharts } from './charts.js';
import {
  elapsedShareOfYear, formatCount, formatDateTime, formatMoney, formatNumber, formatPercent, formatSignedPercent,
  formatTime, haiPhongDate,
} from './format.js';
import { countryName, initialLanguage, rememberLanguage, TEXTS, translatePage } from './i18n.js';
import { LiveStream } from './live.js';

/** Coalesce a burst of indicator events (one registration changes dozens of keys) into one re-fetch. */
const FIGURES_DEBOUNCE_MS = 40;
const BREAKDOWN_DEBOUNCE_MS = 400;
const BANNER_VISIBLE_MS = 15 * 60 * 1000;
const MAX_ALERTS_SHOWN = 60;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Hai Phong keeps UTC+7 all year (no daylight saving), so its midnight is a fixed offset from UTC's. */
const HAI_PHONG_OFFSET_MS = 7 * 60 * 60 * 1000;
const YEARS_SHOWN = 6;
const SOURCES = ['FDI', 'DDI'];
/** The currency each source reports in: FDI in USD, DDI (đầu tư trong nước) in VND. */
const REPORTING_CURRENCY = { FDI: 'USD', DDI: 'VND' };

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(window.location.search);
let today = haiPhongDate();

const state = {
  lang: initialLanguage(),
  year: Number(params.get('year')) || today.year,
  zone: params.get('zone') || '',
  chartSource: params.get('chart') === 'DDI' ? 'DDI' : 'FDI',
  paceFactor: 0.8,
  zoneNames: new Map(),
  indicators: {},
  /**
   * Tile figures received live, counted per source. A read of the tiles' figures started before a live figure arrived
   * may answer with the state before it, and must not put the tile back: it applies only if no live figure of that
   * source came meanwhile (the live one is at least as new; a newer one still on its way arrives live too).
   */
  liveTileFigures: { FDI: 0, DDI: 0 },
  series: {},
  previousSeries: {},
  breakdowns: {},
  alerts: [],
  banner: null,
  updatedAt: null,
  connection: { indicators: 'connecting', alerts: 'connecting' },
  errors: new Set(),
};

// ---------------------------------------------------------------- tiles

/** The last month that has happened in the shown year (12 for a past year, 0 for a future one). */
function lastMonth() {
  if (state.year < today.year) {
    return 12;
  }
  return state.year > today.year ? 0 : haiPhongDate().month;
}

function sumMonths(rows, field, upTo) {
  return (rows || []).reduce((sum, row) => {
    const month = Number(String(row.period ?? row.periodStart ?? '').slice(5, 7));
    return month >= 1 && month <= upTo ? sum + Number(row[field] || 0) : sum;
  }, 0);
}

/**
 * Growth against the same period a year earlier (so với cùng kỳ). For a finished year that is the processor's
 * own yoyGrowthPct; for the running year the whole of last year is no fair comparison, so we compare the months
 * elapsed so far with the same months of last year.
 */
function yoyFor(source) {
  const indicator = state.indicators[source];
  if (!indicator) {
    return null;
  }
  if (state.year < today.year) {
    return indicator.yoyGrowthPct;
  }
  const field = REPORTING_CURRENCY[source] === 'VND' ? 'totalCapitalVnd' : 'totalCapitalUsd';
  const months = lastMonth();
  const previous = sumMonths(state.previousSeries[source], field, months);
  if (!state.previousSeries[source] || !previous) {
    return null;
  }
  return (sumMonths(state.series[source], field, months) / previous - 1) * 100;
}

function paceShare() {
  return state.paceFactor * elapsedShareOfYear(state.year) * 100;
}

function renderTile(source) {
  const t = TEXTS[state.lang];
  const lang = state.lang;
  const prefix = `tile-${source.toLowerCase()}`;
  const indicator = state.indicators[source];
  const tile = $(prefix);
  tile.classList.toggle('empty', !indicator);
  if (!indicator) {
    return;
  }
  const currency = REPORTING_CURRENCY[source];
  const total = currency === 'VND' ? indicator.totalCapitalVnd : indicator.totalCapitalUsd;
  setText(`${prefix}-total`, formatMoney(total, currency, lang));
  if (source === 'DDI') {
    setText(`${prefix}-usd`, `${t.usdEquivalent} ${formatMoney(indicator.totalCapitalUsd, 'USD', lang)}`);
  }

  const pct = indicator.planProgressPct;
  const hasPlan = indicator.planAmount !== null && indicator.planAmount !== undefined && pct !== null && pct !== undefined;
  const pace = paceShare();
  setText(`${prefix}-plan`, hasPlan
    ? `${t.plan}: ${formatMoney(indicator.planAmount, indicator.planCurrency, lang)}` : t.noPlan);
  setText(`${prefix}-pct`, hasPlan ? formatPercent(pct, lang) : '—');
  const bar = $(`${prefix}-progress`);
  bar.style.width = `${hasPlan ? Math.min(Number(pct), 100) : 0}%`;
  bar.parentElement.setAttribute('aria-valuenow', hasPlan ? String(pct) : '0');
  const behind = hasPlan && Number(pct) < pace;
  tile.dataset.pace = !hasPlan ? 'none' : (behind ? 'behind' : 'ahead');
  tile.classList.toggle('over-plan', hasPlan && Number(pct) >= 100);
  const marker = $(`${prefix}-pace`);
  marker.style.left = `${Math.min(pace, 100)}%`;
  // Keep the label inside the tile near either end of the bar.
  marker.dataset.edge = pace > 85 ? 'right' : (pace < 15 ? 'left' : 'none');
  marker.hidden = !hasPlan || state.year > today.year;
  const paceText = `${t.paceMarker} ${formatPercent(pace, lang)}`;
  setText(`${prefix}-pace-label`, paceText);
  marker.title = t.paceExplained(formatNumber(state.paceFactor, lang, 1, 2),
    formatPercent(elapsedShareOfYear(state.year) * 100, lang), formatPercent(pace, lang));

  const yoy = yoyFor(source);
  setText(`${prefix}-yoy`, formatSignedPercent(yoy, lang));
  $(`${prefix}-yoy`).dataset.trend = yoy === null || yoy === undefined ? 'none' : (Number(yoy) >= 0 ? 'up' : 'down');
  setText(`${prefix}-new`, formatCount(indicator.newProjects, lang));
  setText(`${prefix}-increases`, formatCount(indicator.capitalIncreases, lang));
}

function renderCumulative() {
  const lang = state.lang;
  const t = TEXTS[lang];
  const fdi = state.indicators.FDI;
  const ddi = state.indicators.DDI;
  setText('cum-fdi-projects', fdi ? `${formatCount(fdi.cumulativeProjects, lang)} ${t.projects(fdi.cumulativeProjects)}` : '—');
  setText('cum-fdi-capital', fdi ? formatMoney(fdi.cumulativeCapitalUsd, 'USD', lang) : '—');
  setText('cum-ddi-projects', ddi ? `${formatCount(ddi.cumulativeProjects, lang)} ${t.projects(ddi.cumulativeProjects)}` : '—');
  setText('cum-ddi-capital', ddi ? formatMoney(ddi.cumulativeCapitalVnd, 'VND', lang) : '—');
  setText('cum-ddi-capital-usd', ddi ? `${t.usdEquivalent} ${formatMoney(ddi.cumulativeCapitalUsd, 'USD', lang)}` : '');
  const asOf = state.year < today.year
    ? (lang === 'en' ? `as of ${state.year}-12-31` : `đến 31/12/${state.year}`)
    : (lang === 'en' ? 'to date' : 'đến nay');
  setText('cum-asof', asOf);
}

// ---------------------------------------------------------------- charts

function zoneName(code) {
  const names = state.zoneNames.get(code);
  return names ? names[state.lang] : code;
}

function renderMonthly() {
  const source = state.chartSource;
  const indicator = state.indicators[source];
  const planCurrency = indicator && indicator.planCurrency;
  const currency = planCurrency || REPORTING_CURRENCY[source];
  drawMonthly($('chart-monthly'), {
    rows: state.series[source],
    currency,
    planAmount: indicator ? indicator.planAmount : null,
    paceFactor: state.paceFactor,
    lastMonth: lastMonth(),
    lang: state.lang,
    sourceLabel: source,
  });
  for (const button of document.querySelectorAll('[data-chart-source]')) {
    button.setAttribute('aria-pressed', String(button.dataset.chartSource === source));
  }
}

function renderBreakdowns() {
  const source = state.chartSource;
  const currency = REPORTING_CURRENCY[source];
  const lang = state.lang;
  drawBreakdown($('chart-zone'), {
    rows: state.breakdowns.zone, currency, lang, nameOf: zoneName, highlight: state.zone,
  });
  drawBreakdown($('chart-sector'), { rows: state.breakdowns.sector, currency, lang, nameOf: (code) => code });
  drawBreakdown($('chart-country'), {
    rows: state.breakdowns.country, currency, lang, nameOf: (code) => countryName(code, lang),
  });
  for (const id of ['breakdown-source-zone', 'breakdown-source-sector', 'breakdown-source-country']) {
    setText(id, source);
  }
}

// ---------------------------------------------------------------- alerts

function alertKey(alert) {
  return `${alert.id}|${alert.state}|${alert.processedAt}`;
}

function alertTime(alert) {
  return Date.parse(alert.processedAt || alert.eventTime || 0) || 0;
}

function addAlerts(list) {
  const known = new Map(state.alerts.map((a) => [alertKey(a), a]));
  for (const alert of list) {
    known.set(alertKey(alert), alert);
  }
  state.alerts = [...known.values()].sort((a, b) => alertTime(b) - alertTime(a)).slice(0, MAX_ALERTS_SHOWN);
}

function renderAlerts() {
  const t = TEXTS[state.lang];
  const feed = $('alert-feed');
  feed.replaceChildren();
  const shown = state.alerts.filter((a) => Number(a.year) === state.year);
  $('alert-empty').hidden = shown.length > 0;
  for (const alert of shown) {
    const item = document.createElement('li');
    item.className = `alert ${String(alert.state).toLowerCase()}`;
    item.dataset.state = alert.state;
    item.dataset.kind = alert.kind;
    item.dataset.alertId = alert.id;
    item.dataset.testid = 'alert-item';
    const head = document.createElement('div');
    head.className = 'alert-head';
    const badge = document.createElement('span');
    badge.className = 'badge';
    badge.textContent = t[alert.state] || alert.state;
    const kind = document.createElement('span');
    kind.className = 'alert-kind';
    kind.textContent = `${t[alert.kind] || alert.kind} · ${alert.source}${alert.scope && alert.scope !== 'TOTAL' ? ` · ${zoneName(alert.scope)}` : ''}`;
    const time = document.createElement('time');
    time.dateTime = alert.processedAt || '';
    time.textContent = alertTime(alert) ? formatDateTime(new Date(alertTime(alert)), state.lang) : '';
    head.append(badge, kind, time);
    const message = document.createElement('p');
    message.className = 'alert-message';
    message.textContent = state.lang === 'en' ? alert.messageEn : alert.messageVi;
    item.append(head, message);
    feed.append(item);
  }
}

function renderBanner() {
  const banner = $('alert-banner');
  const alert = state.banner;
  banner.hidden = !alert;
  if (alert) {
    banner.dataset.alertId = alert.id;
    setText('alert-banner-text', state.lang === 'en' ? alert.messageEn : alert.messageVi);
  }
}

let bannerTimer;
function onAlert(alert) {
  addAlerts([alert]);
  renderAlerts();
  // The banner is for a plan threshold of the shown year crossed while the page is open (a wall screen nobody
  // touches); a re-evaluated past year goes to its own feed only.
  if (alert.kind === 'PLAN_THRESHOLD' && alert.state === 'FIRING' && Number(alert.year) === state.year) {
    state.banner = alert;
    renderBanner();
    clearTimeout(bannerTimer);
    bannerTimer = setTimeout(() => {
      state.banner = null;
      renderBanner();
    }, BANNER_VISIBLE_MS);
  }
}

// ---------------------------------------------------------------- status line

function renderStatus() {
  const t = TEXTS[state.lang];
  setText('updated-at', `${t.updated} ${state.updatedAt ? formatTime(state.updatedAt) : t.never}`);
  const states = Object.values(state.connection);
  const overall = states.includes('lost') ? 'lost' : (states.every((s) => s === 'live') ? 'live' : 'connecting');
  const status = $('conn-status');
  status.dataset.state = overall;
  setText('conn-status-text', overall === 'live' ? t.connLive : (overall === 'lost' ? t.connLost : t.connConnecting));
  const error = $('load-error');
  error.hidden = state.errors.size === 0;
  error.textContent = state.errors.size ? `${t.loadError}: ${[...state.errors].join(' · ')}` : '';
}

function renderAll() {
  translatePage(state.lang);
  $('lang-toggle').textContent = TEXTS[state.lang].langToggle;
  renderZoneOptions();
  SOURCES.forEach(renderTile);
  renderCumulative();
  renderMonthly();
  renderBreakdowns();
  renderAlerts();
  renderBanner();
  renderStatus();
}

function setText(id, text) {
  const element = $(id);
  if (element && element.textContent !== text) {
    element.textContent = text;
  }
}

// ---------------------------------------------------------------- loading

function track(promise, what) {
  return promise.then((value) => {
    state.errors.delete(what);
    return value;
  }, (error) => {
    console.warn(what, error);
    state.errors.add(what);
    renderStatus();
    return undefined;
  });
}

const view = () => `${state.year}|${state.zone}`;

/** Re-reads the tiles' figures (fast path: tiles first), then the monthly series. */
async function loadFigures() {
  if (await loadIndicators()) {
    await loadSeries();
  }
}

/** The year's indicator of each source, for the tiles; false when the view changed meanwhile. */
async function loadIndicators() {
  const shown = view();
  const liveBefore = { ...state.liveTileFigures };
  const [fdi, ddi] = await Promise.all(SOURCES.map((source) => track(api.indicator(source, String(state.year), state.zone), 'indicators')));
  if (shown !== view()) {
    return false;
  }
  if (fdi && state.liveTileFigures.FDI === liveBefore.FDI) state.indicators.FDI = fdi;
  if (ddi && state.liveTileFigures.DDI === liveBefore.DDI) state.indicators.DDI = ddi;
  state.updatedAt = new Date();
  SOURCES.forEach(renderTile);
  renderCumulative();
  renderStatus();
  return true;
}

/** The monthly series of the shown year (and of last year, for the running year's YoY), for the chart. */
async function loadSeries() {
  const shown = view();
  const needPrevious = state.year === today.year;
  const [seriesFdi, seriesDdi, previousFdi, previousDdi] = await Promise.all([
    ...SOURCES.map((source) => track(api.monthlySeries(source, state.year, state.zone), 'series')),
    ...SOURCES.map((source) => (needPrevious
      ? track(api.monthlySeries(source, state.year - 1, state.zone), 'series') : Promise.resolve(undefined))),
  ]);
  if (shown !== view()) {
    return;
  }
  const before = JSON.stringify([state.series, state.previousSeries, state.indicators[state.chartSource]?.planAmount]);
  if (seriesFdi) state.series.FDI = seriesFdi;
  if (seriesDdi) state.series.DDI = seriesDdi;
  state.previousSeries = { FDI: previousFdi, DDI: previousDdi };
  SOURCES.forEach(renderTile);
  // Redrawing a chart costs the main thread tens of milliseconds on a busy machine: only when something changed.
  if (JSON.stringify([state.series, state.previousSeries, state.indicators[state.chartSource]?.planAmount]) !== before) {
    renderMonthly();
  }
  renderStatus();
}

async function loadBreakdowns() {
  const shown = `${view()}|${state.chartSource}`;
  const [zone, sector, country] = await Promise.all(['zone', 'sector', 'country']
    .map((by) => track(api.breakdown(state.chartSource, String(state.year), by), 'breakdown')));
  if (shown !== `${view()}|${state.chartSource}`) {
    return;
  }
  const before = JSON.stringify(state.breakdowns);
  state.breakdowns = { zone: zone || [], sector: sector || [], country: country || [] };
  learnZones(state.breakdowns.zone.map((row) => ({ code: String(row.value ?? row.dimensionValue ?? '') })));
  if (JSON.stringify(state.breakdowns) !== before) {
    renderBreakdowns();
  }
  renderStatus();
}

async function loadAlerts() {
  const shown = view();
  const list = await track(api.alerts(state.year), 'alerts');
  if (shown !== view() || !list) {
    return;
  }
  state.alerts = state.alerts.filter((a) => Number(a.year) !== state.year);
  addAlerts(list);
  renderAlerts();
  renderStatus();
}

/** Zone names from ingest's reference data ({code, nameVi, nameEn}); codes seen only in figures show as codes. */
function learnZones(zones) {
  let added = false;
  for (const zone of zones) {
    const code = zone.code;
    const known = state.zoneNames.get(code);
    if (code && (!known || (zone.nameVi && known.vi === code))) {
      state.zoneNames.set(code, { vi: zone.nameVi || code, en: zone.nameEn || zone.nameVi || code });
      added = true;
    }
  }
  if (added) {
    renderZoneOptions();
    renderBreakdowns();
  }
}

function renderZoneOptions() {
  const select = $('zone-select');
  const named = [...state.zoneNames.keys()].map((code) => [code, zoneName(code)]).sort((a, b) => a[1].localeCompare(b[1], state.lang));
  const options = [['', TEXTS[state.lang].allZones], ...named];
  if (state.zone && !state.zoneNames.has(state.zone)) {
    options.push([state.zone, state.zone]);
  }
  select.replaceChildren(...options.map(([code, name]) => new Option(name, code, false, code === state.zone)));
}

function reloadAll() {
  loadFigures();
  loadBreakdowns();
  loadAlerts();
}

/** Runs `task` once after a quiet period; a call during a run queues exactly one more run. */
function debounced(task, delayMs) {
  let timer;
  let running = false;
  let again = false;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await task();
    } finally {
      running = false;
      if (again) {
        again = false;
        run();
      }
    }
  };
  return () => {
    clearTimeout(timer);
    timer = setTimeout(run, delayMs);
  };
}

const refreshFigures = debounced(loadFigures, FIGURES_DEBOUNCE_MS);
const refreshSeries = debounced(loadSeries, FIGURES_DEBOUNCE_MS);
const refreshBreakdowns = debounced(loadBreakdowns, BREAKDOWN_DEBOUNCE_MS);

/**
 * An indicator changed: show what it affects, if it is the shown year (or last year, for YoY). The year's own
 * figures for the tile's scope come with the event itself and are shown at once; the rest is re-read (debounced,
 * one registration changes dozens of keys).
 */
function onIndicator(indicator) {
  const periodId = String(indicator.period ?? indicator.periodId ?? '');
  const year = String(state.year);
  const lastYear = String(state.year - 1);
  if (periodId && !periodId.startsWith(year) && !periodId.startsWith(lastYear)) {
    return;
  }
  const dimension = indicator.dimension || 'TOTAL';
  const tilesAffected = state.zone
    ? dimension === 'ZONE' && indicator.dimensionValue === state.zone
    : dimension === 'TOTAL';
  if (tilesAffected && isTileFigure(indicator)) {
    state.liveTileFigures[indicator.source] += 1;
    state.indicators[indicator.source] = { ...state.indicators[indicator.source], ...indicator };
    state.updatedAt = new Date();
    renderTile(indicator.source);
    renderCumulative();
    renderStatus();
    refreshSeries();
  } else if (tilesAffected) {
    refreshFigures();
  }
  if (!periodId || periodId.startsWith(year)) {
    refreshBreakdowns();
  }
}

/** The whole shown year of FDI or DDI, with its figures: exactly what a tile shows. */
function isTileFigure(indicator) {
  return SOURCES.includes(indicator.source) && indicator.periodKind === 'YEAR'
    && String(indicator.period ?? indicator.periodId) === String(state.year) && indicator.totalCapitalUsd !== undefined;
}

// ---------------------------------------------------------------- controls

function updateUrl() {
  const search = new URLSearchParams(window.location.search);
  search.set('year', String(state.year));
  if (state.zone) search.set('zone', state.zone); else search.delete('zone');
  search.delete('lang');
  window.history.replaceState(null, '', `${window.location.pathname}?${search}`);
}

function fillYearOptions() {
  const years = [];
  for (let y = Math.max(today.year, state.year); y > today.year - YEARS_SHOWN; y -= 1) {
    years.push(y);
  }
  if (!years.includes(state.year)) years.push(state.year);
  $('year-select').replaceChildren(...years.map((y) => new Option(String(y), String(y), false, y === state.year)));
}

function setUpControls() {
  const yearSelect = $('year-select');
  fillYearOptions();
  yearSelect.addEventListener('change', () => {
    state.year = Number(yearSelect.value);
    state.indicators = {};
    state.series = {};
    updateUrl();
    renderAll();
    reloadAll();
  });
  $('zone-select').addEventListener('change', (event) => {
    state.zone = event.target.value;
    state.indicators = {};
    state.series = {};
    updateUrl();
    renderAll();
    loadFigures();
    renderBreakdowns();
  });
  $('lang-toggle').addEventListener('click', () => {
    state.lang = state.lang === 'vi' ? 'en' : 'vi';
    rememberLanguage(state.lang);
    renderAll();
  });
  for (const button of document.querySelectorAll('[data-chart-source]')) {
    button.addEventListener('click', () => {
      state.chartSource = button.dataset.chartSource;
      renderMonthly();
      loadBreakdowns();
    });
  }
  $('alert-banner-close').addEventListener('click', () => {
    state.banner = null;
    renderBanner();
  });
  window.addEventListener('resize', resizeCharts);
}

/**
 * A wall screen stays open for months: at each Hai Phong midnight move the pace marker on, and on 1 January follow
 * the new year if the screen was showing the current one. One timer per day, not a polling loop.
 */
function scheduleMidnight() {
  const msToMidnight = DAY_MS - ((Date.now() + HAI_PHONG_OFFSET_MS) % DAY_MS);
  setTimeout(() => {
    const wasCurrentYear = state.year === today.year;
    today = haiPhongDate();
    if (wasCurrentYear && state.year !== today.year) {
      state.year = today.year;
      state.indicators = {};
      state.series = {};
      fillYearOptions();
      updateUrl();
      renderAll();
      reloadAll();
    } else {
      renderAll();
    }
    scheduleMidnight();
  }, msToMidnight + 1000);
}

function connect() {
  const setConnection = (name) => (value) => {
    state.connection[name] = value;
    renderStatus();
  };
  // Re-read on every opening, the first one too: a stream carries only what changes after it opens, and the page's
  // first read may have been answered before a change that the stream, not open yet, never carried (the tile then
  // kept the older figure until the next change: seen in CI, a registration POSTed while the page was loading). A
  // re-read never puts a tile back behind a live figure (see loadIndicators).
  new LiveStream(api.apiUrl('/api/v1/indicators/stream'), 'indicator', onIndicator, setConnection('indicators'),
    () => {
      refreshFigures();
      refreshBreakdowns();
    }).start();
  new LiveStream(api.apiUrl('/api/v1/alerts/stream'), 'alert', onAlert, setConnection('alerts'),
    () => {
      loadAlerts();
    }).start();
}

async function main() {
  const config = await api.pageConfig().catch(() => ({}));
  if (config.paceFactor) state.paceFactor = Number(config.paceFactor);
  api.setApiBase(config.apiBaseUrl);
  setUpControls();
  renderAll();
  connect();
  reloadAll();
  api.zones().then(learnZones);
  scheduleMidnight();
  document.body.dataset.ready = 'true';
}

main();
