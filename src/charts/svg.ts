// The pieces every chart is drawn with: the card, the palette, escaped text and its width, and
// "nice" axis ticks. Charts are small hand-made SVG (see src/charts/DESIGN.md for why).

/** Discord shows an attachment image at about this size; charts are drawn at it. */
export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 400;

/** The one font charts use; shipped in src/charts/fonts/ and the only one the rasteriser loads. */
export const FONT_FAMILY = 'DejaVu Sans';

/**
 * A light neutral card with dark text: it reads the same on Discord's dark and light themes (a
 * transparent chart would put dark text on a dark background). Series colours are the Okabe–Ito
 * palette, told apart by people with colour-vision deficiencies; "others" is a neutral grey.
 */
export const PALETTE = {
  card: '#f4f5f7',
  border: '#c9ccd1',
  text: '#1f2328',
  muted: '#57606a',
  grid: '#d8dbe0',
  axis: '#8c939c',
  series: ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00'],
  others: '#9aa0a6',
} as const;

/** Text from records (names, titles) made safe inside SVG markup. */
export function escapeXml(text: string): string {
  // Control characters are not allowed in XML at all: they are dropped.
  const allowed = [...text].filter((ch) => {
    const c = ch.codePointAt(0) ?? 0;
    return c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c !== 0x7f);
  });
  return allowed
    .join('')
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/"/gu, '&quot;');
}

/** Rough advance of a character in DejaVu Sans, in ems (enough to fit labels, not to kern). */
function advance(ch: string): number {
  if (/[ilI.,:;'|!\s()[\]ƒjtf]/u.test(ch)) return 0.33;
  if (/[mwMW@%—]/u.test(ch)) return 0.95;
  if (/[A-Z0-9ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝ]/u.test(ch)) return 0.7;
  return 0.61;
}

export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += advance(ch);
  return em * fontSize;
}

/** The text cut with "…" so it fits in `width` pixels at `fontSize`. */
export function fitText(text: string, width: number, fontSize: number): string {
  const clean = text.replace(/\s+/gu, ' ').trim();
  if (textWidth(clean, fontSize) <= width) return clean;
  const chars = [...clean];
  let used = textWidth('…', fontSize);
  let out = '';
  for (const ch of chars) {
    used += advance(ch) * fontSize;
    if (used > width) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}

export interface TextOptions {
  size?: number;
  fill?: string;
  anchor?: 'start' | 'middle' | 'end';
  weight?: 'normal' | 'bold';
  /** Degrees, about (x, y). */
  rotate?: number;
}

export function svgText(x: number, y: number, text: string, o: TextOptions = {}): string {
  const attrs = [
    `x="${round(x)}"`,
    `y="${round(y)}"`,
    `font-size="${o.size ?? 12}"`,
    `fill="${o.fill ?? PALETTE.text}"`,
  ];
  if (o.anchor && o.anchor !== 'start') attrs.push(`text-anchor="${o.anchor}"`);
  if (o.weight === 'bold') attrs.push('font-weight="bold"');
  if (o.rotate) attrs.push(`transform="rotate(${o.rotate} ${round(x)} ${round(y)})"`);
  return `<text ${attrs.join(' ')}>${escapeXml(text)}</text>`;
}

export function svgRect(x: number, y: number, w: number, h: number, fill: string): string {
  return `<rect x="${round(x)}" y="${round(y)}" width="${round(Math.max(0, w))}" height="${round(Math.max(0, h))}" fill="${fill}"/>`;
}

export function svgLine(x1: number, y1: number, x2: number, y2: number, stroke: string): string {
  return `<line x1="${round(x1)}" y1="${round(y1)}" x2="${round(x2)}" y2="${round(y2)}" stroke="${stroke}" stroke-width="1"/>`;
}

/** The whole picture: a rounded neutral card holding the chart's elements. */
export function svgDocument(body: string[], label: string): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}" role="img" aria-label="${escapeXml(label)}" font-family="${FONT_FAMILY}">`,
    `<rect x="0.5" y="0.5" width="${CHART_WIDTH - 1}" height="${CHART_HEIGHT - 1}" rx="12" fill="${PALETTE.card}" stroke="${PALETTE.border}"/>`,
    ...body,
    '</svg>',
  ].join('\n');
}

function round(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** Axis ticks 0, step, 2·step … covering `max`, with a 1/2/5 step and at most `count` intervals. */
export function niceTicks(max: number, count = 5): number[] {
  if (max <= 0) return [0, 1];
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step =
    [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw && s >= 1) ?? Math.ceil(raw);
  const ticks: number[] = [];
  for (let v = 0; v < max + step; v += step) {
    ticks.push(v);
    if (v >= max) break;
  }
  return ticks;
}

/** Colour of the i-th series; the "others" series is grey. */
export function seriesColor(i: number, isOthers = false): string {
  if (isOthers) return PALETTE.others;
  return PALETTE.series[i % PALETTE.series.length] ?? PALETTE.others;
}
