// The visible text of an HTML page, one unit per source character or entity, each unit keeping
// its offsets in the original file: readers find labels in the text a person sees and still cut
// statements out of the file as written (tags and entities inside a span stay in its text).

/** A line break inside a paragraph (a source newline or a single <br>). */
export const LINE = '\n';
/** A <br> tag; two or more in a row (white space between) end a paragraph. */
export const BR = '\u2028';
/** A paragraph break: a block element opens or closes. */
export const PARA = '\f';

export interface VisibleText {
  /** The decoded text: one character per unit (separators included). */
  text: string;
  /** Offsets of unit i in the original file (a separator has from === to, at its tag). */
  from: number[];
  to: number[];
  /** Whether unit i is inside <strong> or <b>. */
  bold: boolean[];
}

/** Elements whose content is never speech: the page head, code, and site furniture. */
const SKIPPED = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'select',
  'button',
  'template',
  'svg',
  'iframe',
  'object',
  'canvas',
  'menu',
  'title',
]);
/** Elements whose content is raw text: their end tag is found directly, not by parsing. */
const RAW = new Set(['script', 'style', 'textarea', 'title']);
const BLOCKS = new Set(
  'p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd tr td th table thead tbody tfoot blockquote section article main pre hr center address figure figcaption body html caption'.split(
    ' ',
  ),
);
const VOID = new Set(
  'br hr img meta link input area base col embed source track wbr param'.split(' '),
);
/** Containers that a class, id or role can mark as site furniture (never <body> or <main>). */
const CONTAINERS = new Set('div ul ol section span p table td li'.split(' '));
/** A container marked as site furniture by its class, id or role. */
const FURNITURE_ATTR =
  /\b(?:class|id|role)\s*=\s*["']?[^"'>]*\b(?:nav|navbar|navigation|menu|breadcrumbs?|sidebar|masthead|site-header|site-footer|footer|skip-link|share|social|cookie-banner)\b/i;

const TAG =
  /<(\/?)([A-Za-z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*(\/?)>/y;

/** The page's visible text with original offsets. Never throws. */
export function visibleText(src: string): VisibleText {
  const out: VisibleText = { text: '', from: [], to: [], bold: [] };
  const chars: string[] = [];
  let bold = 0;
  const push = (c: string, a: number, b: number) => {
    chars.push(c);
    out.from.push(a);
    out.to.push(b);
    out.bold.push(bold > 0);
  };
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i] as string;
    if (c === '<') {
      if (src.startsWith('<!--', i)) {
        const e = src.indexOf('-->', i + 4);
        i = e < 0 ? n : e + 3;
        continue;
      }
      if (/^<[!?]/.test(src.slice(i, i + 2))) {
        const e = src.indexOf('>', i);
        i = e < 0 ? n : e + 1;
        continue;
      }
      TAG.lastIndex = i;
      const m = TAG.exec(src);
      if (m) {
        const closing = m[1] === '/';
        const name = (m[2] ?? '').toLowerCase();
        const attrs = m[3] ?? '';
        const selfClosing = m[4] === '/' || VOID.has(name);
        const after = i + m[0].length;
        if (
          !closing &&
          !selfClosing &&
          (SKIPPED.has(name) || (CONTAINERS.has(name) && FURNITURE_ATTR.test(attrs)))
        ) {
          const end = closeOf(src, name, after);
          if (end > after) {
            push(PARA, i, i);
            i = end;
            continue;
          }
        }
        if (name === 'br') push(BR, i, i);
        else if (BLOCKS.has(name)) push(PARA, i, i);
        else if (name === 'strong' || name === 'b') bold = Math.max(0, bold + (closing ? -1 : 1));
        i = after;
        continue;
      }
    }
    if (c === '&') {
      const e = decodeEntity(src, i);
      if (e) {
        push(e.char, i, e.end);
        i = e.end;
        continue;
      }
    }
    if (c === '\n') push(LINE, i, i + 1);
    else if (c === '\r' || c === '\t' || c === '\f' || c === '\u2028' || c === '\u2029')
      push(' ', i, i + 1);
    else push(c, i, i + 1);
    i++;
  }
  out.text = chars.join('');
  return out;
}

/** The offset just past the end tag that closes `name` opened before `from`, or -1. */
function closeOf(src: string, name: string, from: number): number {
  if (RAW.has(name)) {
    const re = new RegExp(`</${name}\\s*>`, 'ig');
    re.lastIndex = from;
    const m = re.exec(src);
    return m ? m.index + m[0].length : -1;
  }
  const re = /<(\/?)([A-Za-z][\w:-]*)[^>]*?(\/?)>/g;
  re.lastIndex = from;
  let depth = 1;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    if ((m[2] ?? '').toLowerCase() !== name || m[3] === '/') continue;
    depth += m[1] === '/' ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  return -1;
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  mdash: '\u2014',
  ndash: '\u2013',
  hellip: '\u2026',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  laquo: '\u00ab',
  raquo: '\u00bb',
  shy: '',
  copy: '\u00a9',
  reg: '\u00ae',
  eacute: '\u00e9',
  egrave: '\u00e8',
  aacute: '\u00e1',
  oacute: '\u00f3',
  uacute: '\u00fa',
  iacute: '\u00ed',
  ntilde: '\u00f1',
  ccedil: '\u00e7',
  uuml: '\u00fc',
  ouml: '\u00f6',
  auml: '\u00e4',
  middot: '\u00b7',
  bull: '\u2022',
};

/** The character an entity at `i` stands for (one unit: astral characters become U+FFFC). */
function decodeEntity(src: string, i: number): { char: string; end: number } | null {
  const m = /^&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,10}));/.exec(
    src.slice(i, i + 14),
  );
  if (!m) return null;
  let char: string | undefined;
  if (m[3] !== undefined) char = NAMED[m[3].toLowerCase()];
  else {
    const code = m[1] !== undefined ? Number(m[1]) : parseInt(m[2] ?? '', 16);
    if (code === 160) char = ' ';
    else if (code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)) {
      const s = String.fromCodePoint(code);
      char = s.length === 1 ? s : '\ufffc';
    }
  }
  if (char === undefined) return null;
  // A soft hyphen shows nothing: it is kept as a unit that reads as nothing between letters.
  return { char: char === '' ? '\u00ad' : char, end: i + m[0].length };
}

/** Decoded text of an HTML fragment with tags dropped and white space collapsed. */
export function plainText(fragment: string): string {
  const v = visibleText(fragment);
  return v.text
    .replace(/[\f\u2028\n\u00ad]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
