// Number and time formatting of the monitoring screen, in the Authority's Vietnamese style
// (3,5 tỷ USD · 23.847 tỷ đồng · 175,00 %) and in English style (USD 3.5 bn · VND 23,847 bn · 175.00%).
// Rounding is half-up on the decimal value (never on the binary double), so 1.005 shows as 1,01 / 1.01.

export const HAI_PHONG_ZONE = 'Asia/Ho_Chi_Minh';

const STYLES = {
  vi: { decimal: ',', group: '.' },
  en: { decimal: '.', group: ',' },
};

const BILLION = 1e9;
const MILLION = 1e6;
/** Extra digits kept before rounding, enough to drop the binary noise of a double. */
const GUARD_DIGITS = 6;

function style(lang) {
  return STYLES[lang] || STYLES.vi;
}

/** value × 10^decimals, rounded half-up, as a BigInt (sign separate). */
function scaledDigits(value, decimals) {
  const fixed = Math.abs(value).toFixed(decimals + GUARD_DIGITS).replace('.', '');
  const guard = 10n ** BigInt(GUARD_DIGITS);
  const n = BigInt(fixed);
  let q = n / guard;
  if ((n % guard) * 2n >= guard) {
    q += 1n;
  }
  return q;
}

function group(digits, separator) {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/**
 * A number rounded half-up to maxDecimals, trailing zeros dropped down to minDecimals, grouped by thousands.
 * formatNumber(23847.2, 'vi', 0, 0) → "23.847"; formatNumber(3.5, 'en', 2, 2) → "3.50".
 */
export function formatNumber(value, lang, minDecimals = 0, maxDecimals = 0) {
  if (value === null || value === undefined || Number.isNaN(Number(value))) {
    return '—';
  }
  const number = Number(value);
  const s = style(lang);
  const q = scaledDigits(number, maxDecimals);
  const digits = q.toString().padStart(maxDecimals + 1, '0');
  let integer = maxDecimals > 0 ? digits.slice(0, -maxDecimals) : digits;
  let fraction = maxDecimals > 0 ? digits.slice(-maxDecimals) : '';
  while (fraction.length > minDecimals && fraction.endsWith('0')) {
    fraction = fraction.slice(0, -1);
  }
  const negative = number < 0 && q !== 0n;
  integer = group(integer, s.group);
  return (negative ? '-' : '') + integer + (fraction ? s.decimal + fraction : '');
}

/** A count of projects or occurrences (lượt): 1.234 / 1,234. */
export function formatCount(value, lang) {
  return formatNumber(value, lang, 0, 0);
}

/** A measured percentage, always 2 decimals: "175,00 %" / "175.00%". */
export function formatPercent(value, lang) {
  if (value === null || value === undefined) {
    return '—';
  }
  const number = formatNumber(value, lang, 2, 2);
  return lang === 'en' ? `${number}%` : `${number} %`;
}

/** A growth rate with its sign: "+140,00 %" / "+140.00%"; "—" when there is no earlier figure. */
export function formatSignedPercent(value, lang) {
  if (value === null || value === undefined) {
    return '—';
  }
  const text = formatPercent(value, lang);
  return Number(value) > 0 && !text.startsWith('-') && text !== formatPercent(0, lang) ? `+${text}` : text;
}

/** The unit a magnitude is written in: tỷ / bn, triệu / m, or none. */
export function moneyUnit(magnitude) {
  const abs = Math.abs(Number(magnitude) || 0);
  if (abs >= BILLION) {
    return { divisor: BILLION, vi: 'tỷ', en: 'bn' };
  }
  if (abs >= MILLION) {
    return { divisor: MILLION, vi: 'triệu', en: 'm' };
  }
  return { divisor: 1, vi: '', en: '' };
}

/** Fewer decimals for bigger numbers, as the Authority writes them: 3,5 tỷ · 26,5 tỷ · 212 triệu · 23.847 tỷ. */
function decimalsFor(scaled) {
  const abs = Math.abs(scaled);
  if (abs >= 100) {
    return 0;
  }
  return abs >= 10 ? 1 : 2;
}

function currencyWord(currency, lang) {
  return lang !== 'en' && currency === 'VND' ? 'đồng' : currency;
}

/** A number already divided by unit.divisor, written with its unit and currency. */
export function formatScaled(scaled, unit, currency, lang, decimals = decimalsFor(scaled)) {
  const number = formatNumber(scaled, lang, 0, decimals);
  if (lang === 'en') {
    return unit.en ? `${currency} ${number} ${unit.en}` : `${currency} ${number}`;
  }
  const word = currencyWord(currency, lang);
  return unit.vi ? `${number} ${unit.vi} ${word}` : `${number} ${word}`;
}

/** An amount of money: "3,5 tỷ USD", "23.847 tỷ đồng", "212 triệu USD" / "USD 3.5 bn", "VND 23,847 bn", "USD 212 m". */
export function formatMoney(value, currency, lang) {
  if (value === null || value === undefined || Number.isNaN(Number(value))) {
    return '—';
  }
  const unit = moneyUnit(value);
  return formatScaled(Number(value) / unit.divisor, unit, currency, lang);
}

function zonedParts(date, options) {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: HAI_PHONG_ZONE, hourCycle: 'h23', ...options })
    .formatToParts(date);
  return Object.fromEntries(parts.filter((p) => p.type !== 'literal').map((p) => [p.type, p.value]));
}

/** hh:mm:ss on the Hai Phong wall clock, whatever the browser's own zone. */
export function formatTime(date) {
  const p = zonedParts(date, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return `${p.hour}:${p.minute}:${p.second}`;
}

/** dd/MM/yyyy hh:mm (Vietnamese) or yyyy-MM-dd hh:mm (English), Hai Phong time. */
export function formatDateTime(date, lang) {
  const p = zonedParts(date, {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  });
  return lang === 'en'
    ? `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`
    : `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** The local date in Hai Phong: { year, month, day }. */
export function haiPhongDate(date = new Date()) {
  const p = zonedParts(date, { year: 'numeric', month: '2-digit', day: '2-digit' });
  return { year: Number(p.year), month: Number(p.month), day: Number(p.day) };
}

/**
 * The share of `year` elapsed at `now` in Hai Phong (0..1): days completed including today ÷ days in the year.
 * A past year is 1, a future year 0.
 */
export function elapsedShareOfYear(year, now = new Date()) {
  const today = haiPhongDate(now);
  if (year < today.year) {
    return 1;
  }
  if (year > today.year) {
    return 0;
  }
  const dayOfYear = (Date.UTC(today.year, today.month - 1, today.day) - Date.UTC(year, 0, 1)) / 86400000 + 1;
  const daysInYear = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86400000;
  return dayOfYear / daysInYear;
}
