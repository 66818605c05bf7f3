// Dates and numbers on charts in the server's locale (Discord's guild locale), through Intl.
// The chart font covers Latin, Greek and Cyrillic; a locale whose month names or digits it
// cannot draw (Chinese, Japanese, Korean, Thai, Hindi…) gets ISO dates and Western digits
// rather than empty boxes.

/** What charts use when Discord gives no locale (the console, a DM without one). */
export const DEFAULT_LOCALE = 'en-US';

export interface ChartLocale {
  /** The BCP 47 tag actually used. */
  tag: string;
  /** "5 Mar 2017" in the locale's order and words. */
  day(date: string): string;
  /** "Mar 2017". */
  month(date: string): string;
  /** "2017". */
  year(date: string): string;
  /** "1,234" with the locale's grouping. */
  number(n: number): string;
  /** "45%". */
  percent(share: number): string;
}

/** Code point ranges the shipped font draws: Latin, accents, Greek, Cyrillic, punctuation. */
const DRAWABLE: [number, number][] = [
  [0x20, 0x24f],
  [0x300, 0x36f],
  [0x370, 0x4ff],
  [0x1e00, 0x1eff],
  [0x2000, 0x206f],
  [0x20a0, 0x20cf],
];

function drawable(text: string): boolean {
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (!DRAWABLE.some(([lo, hi]) => c >= lo && c <= hi)) return false;
  }
  return true;
}

function isoLocale(): ChartLocale {
  const number = new Intl.NumberFormat('en-US');
  return {
    tag: 'iso',
    day: (d) => d.slice(0, 10),
    month: (d) => d.slice(0, 7),
    year: (d) => d.slice(0, 4),
    number: (n) => number.format(n),
    percent: (s) => `${Math.round(s * 100)}%`,
  };
}

function validTag(locale: string | null | undefined): string | null {
  if (!locale) return null;
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? null;
  } catch {
    return null;
  }
}

/** Formatters for a Discord locale ("en-US", "fr", "pt-BR", "ja"…); unknown tags fall back. */
export function chartLocale(locale?: string | null): ChartLocale {
  const tag = validTag(locale) ?? DEFAULT_LOCALE;
  const utc = { timeZone: 'UTC' } as const;
  const dayFormat = new Intl.DateTimeFormat(tag, {
    ...utc,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  const monthFormat = new Intl.DateTimeFormat(tag, { ...utc, month: 'short', year: 'numeric' });
  const yearFormat = new Intl.DateTimeFormat(tag, { ...utc, year: 'numeric' });
  const numberFormat = new Intl.NumberFormat(tag);
  const percentFormat = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
  const probe = new Date(Date.UTC(2017, 2, 5));
  const samples = [
    dayFormat.format(probe),
    monthFormat.format(probe),
    numberFormat.format(1234567.5),
    percentFormat.format(0.45),
  ];
  if (!samples.every(drawable)) return isoLocale();
  const at = (d: string): Date => new Date(`${d.slice(0, 10)}T00:00:00Z`);
  return {
    tag,
    day: (d) => dayFormat.format(at(d)),
    month: (d) => monthFormat.format(at(`${d.slice(0, 7)}-01`)),
    year: (d) => yearFormat.format(at(`${d.slice(0, 4)}-01-01`)),
    number: (n) => numberFormat.format(n),
    percent: (s) => percentFormat.format(s),
  };
}
