// Texts of the monitoring screen in Vietnamese (default) and English. The choice is kept in localStorage.

const STORAGE_KEY = 'investPulse.lang';

export const TEXTS = {
  vi: {
    pageTitle: 'Thu hút đầu tư — KCN, KKT Hải Phòng',
    authority: 'Ban Quản lý Khu kinh tế Hải Phòng',
    headline: 'Thu hút đầu tư vào các KCN, KKT',
    year: 'Năm',
    zone: 'Khu',
    allZones: 'Tất cả KCN, KKT',
    langToggle: 'English',
    langToggleTitle: 'Switch to English',
    fdiTitle: 'Vốn FDI đăng ký từ đầu năm',
    ddiTitle: 'Vốn DDI đăng ký từ đầu năm',
    cumulativeTitle: 'Lũy kế dự án còn hiệu lực',
    usdEquivalent: 'tương đương',
    plan: 'Kế hoạch năm',
    noPlan: 'Chưa có kế hoạch năm',
    ofPlan: 'kế hoạch',
    paceMarker: 'Tiến độ kỳ vọng',
    paceExplained: (factor, elapsed, pace) => `Tiến độ kỳ vọng = ${factor} × ${elapsed} thời gian của năm = ${pace}`,
    yoy: 'So với cùng kỳ',
    newProjects: 'Dự án cấp mới',
    capitalIncreases: 'Lượt điều chỉnh tăng vốn',
    projects: () => 'dự án',
    fdi: 'FDI',
    ddi: 'DDI',
    monthlyTitle: 'Vốn đăng ký theo tháng',
    seriesMonth: 'Vốn đăng ký trong tháng',
    seriesYtd: 'Lũy kế từ đầu năm',
    seriesPlan: 'Kế hoạch năm',
    seriesPace: 'Tiến độ kỳ vọng',
    month: (m) => `T${m}`,
    byZone: 'Theo khu',
    bySector: 'Theo ngành (VSIC)',
    byCountry: 'Theo quốc gia, vùng lãnh thổ của nhà đầu tư',
    other: 'Khác',
    share: 'Tỷ trọng',
    noData: 'Chưa có số liệu',
    alertsTitle: 'Cảnh báo',
    noAlerts: 'Chưa có cảnh báo trong năm',
    FIRING: 'Đang cảnh báo',
    RESOLVED: 'Đã hết',
    PLAN_THRESHOLD: 'Ngưỡng kế hoạch',
    PLAN_PACE: 'Tiến độ kế hoạch',
    bannerTitle: 'Vượt ngưỡng kế hoạch',
    dismiss: 'Đóng',
    updated: 'Cập nhật',
    never: '--:--:--',
    connConnecting: 'Đang kết nối…',
    connLive: 'Trực tuyến',
    connLost: 'Mất kết nối — đang kết nối lại…',
    loadError: 'Không tải được số liệu',
    chartSource: 'Nguồn vốn',
  },
  en: {
    pageTitle: 'Investment attraction — Hai Phong industrial parks & economic zones',
    authority: 'Hai Phong Economic Zone Authority',
    headline: 'Investment attraction into industrial parks & economic zones',
    year: 'Year',
    zone: 'Zone',
    allZones: 'All zones',
    langToggle: 'Tiếng Việt',
    langToggleTitle: 'Chuyển sang tiếng Việt',
    fdiTitle: 'FDI registered capital, year to date',
    ddiTitle: 'DDI registered capital, year to date',
    cumulativeTitle: 'Cumulative valid projects',
    usdEquivalent: 'equivalent to',
    plan: 'Annual plan',
    noPlan: 'No annual plan set',
    ofPlan: 'of plan',
    paceMarker: 'Expected pace',
    paceExplained: (factor, elapsed, pace) => `Expected pace = ${factor} × ${elapsed} of the year elapsed = ${pace}`,
    yoy: 'vs same period last year',
    newProjects: 'New projects',
    capitalIncreases: 'Capital increases',
    projects: (n) => (Number(n) === 1 ? 'project' : 'projects'),
    fdi: 'FDI',
    ddi: 'DDI',
    monthlyTitle: 'Registered capital by month',
    seriesMonth: 'Registered in the month',
    seriesYtd: 'Year to date',
    seriesPlan: 'Annual plan',
    seriesPace: 'Expected pace',
    month: (m) => ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1],
    byZone: 'By zone',
    bySector: 'By sector (VSIC)',
    byCountry: 'By investor country / territory',
    other: 'Other',
    share: 'Share',
    noData: 'No data yet',
    alertsTitle: 'Alerts',
    noAlerts: 'No alerts this year',
    FIRING: 'Firing',
    RESOLVED: 'Resolved',
    PLAN_THRESHOLD: 'Plan threshold',
    PLAN_PACE: 'Plan pace',
    bannerTitle: 'Plan threshold crossed',
    dismiss: 'Dismiss',
    updated: 'Updated',
    never: '--:--:--',
    connConnecting: 'Connecting…',
    connLive: 'Live',
    connLost: 'Connection lost — reconnecting…',
    loadError: 'Could not load figures',
    chartSource: 'Source',
  },
};

/** The language to start with: ?lang=en|vi, else the remembered choice, else Vietnamese. */
export function initialLanguage() {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (fromUrl === 'vi' || fromUrl === 'en') {
    rememberLanguage(fromUrl);
    return fromUrl;
  }
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return stored === 'en' ? 'en' : 'vi';
  } catch (e) {
    return 'vi';
  }
}

export function rememberLanguage(lang) {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch (e) {
    // Private mode or storage disabled: the choice then lasts for this page only.
  }
}

/** Fills every element carrying data-i18n="key" with the text of that key. */
export function translatePage(lang) {
  const texts = TEXTS[lang];
  document.documentElement.lang = lang;
  document.title = texts.pageTitle;
  for (const element of document.querySelectorAll('[data-i18n]')) {
    const text = texts[element.dataset.i18n];
    if (typeof text === 'string') {
      element.textContent = text;
    }
  }
  for (const element of document.querySelectorAll('[data-i18n-title]')) {
    element.title = texts[element.dataset.i18nTitle] || '';
  }
}

/** A country's name from its ISO code, in the page's language ("KR" → "Hàn Quốc" / "South Korea"). */
export function countryName(code, lang) {
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code) || code;
  } catch (e) {
    return code;
  }
}
