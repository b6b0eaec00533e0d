// Reads the pipeline's query and alerts APIs (same origin unless the page's config names another base URL).

let base = '';

export function setApiBase(url) {
  base = url || '';
}

export function apiUrl(path) {
  return base + path;
}

async function getJson(path) {
  const response = await fetch(apiUrl(path), { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (!response.ok) {
    throw new Error(`${response.status} ${response.statusText} — GET ${path}`);
  }
  return response.json();
}

function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') {
      search.set(key, value);
    }
  }
  return search.toString();
}

/** The page's own settings: pace factor, API base URL. */
export function pageConfig() {
  return fetch('/dashboard/config.json', { cache: 'no-store' }).then((r) => (r.ok ? r.json() : {}));
}

/** One indicator object for a source and a period (2023, 2023-Q1, 2023-03). */
export function indicator(source, period, zone) {
  return getJson(`/api/v1/indicators?${query({ source, period, zone })}`);
}

/** The monthly indicators of a whole year, January to December. */
export function monthlySeries(source, year, zone) {
  return getJson(`/api/v1/indicators/series?${query({
    source, granularity: 'month', from: `${year}-01`, to: `${year}-12`, zone,
  })}`);
}

/** Rows of a period broken down by zone, sector or country, sorted by total capital. */
export function breakdown(source, period, by) {
  return getJson(`/api/v1/indicators/breakdown?${query({ source, period, by })}`);
}

/** Alerts of a year, every source and scope, newest first. */
export function alerts(year) {
  return getJson(`/api/v1/alerts?${query({ year })}`);
}

/** The zones (khu công nghiệp, khu kinh tế) known to ingest's reference data; [] when not available. */
export async function zones() {
  try {
    const body = await getJson('/api/v1/reference/zones');
    return Array.isArray(body) ? body : [];
  } catch (e) {
    return [];
  }
}
