// What a file's name says when the file itself does not: a date prefix, a readable title.
import { MONTH_NAMES } from './months.js';

/**
 * A readable title when the record states none: "2026-05-02-harbour.txt" → "Harbour, 2 May
 * 2026", "Harbour Board 2026-05-02.docx" → "Harbour Board, 2 May 2026",
 * "ethereum-acdt-call.vtt" → "Ethereum acdt call". Never a path; null when the name has no words.
 */
export function titleFromFileName(file: string): string | null {
  const base = baseName(file);
  const found = findDate(base);
  const rest = (found ? found.rest : base).replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();
  const words = rest ? rest.charAt(0).toUpperCase() + rest.slice(1) : '';
  const when = found ? readableDate(found.iso) : '';
  if (!/\p{L}/u.test(words)) return when || null;
  return when ? `${words}, ${when}` : words;
}

/** "2026-05-02" → "2 May 2026". */
function readableDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTH_NAMES[(m ?? 1) - 1]} ${y}`;
}

/**
 * The `YYYY-MM-DD` date a file's name starts with ("2026-05-02-harbour.txt") or ends with, as
 * word processors' users name files ("Harbour Board 2026-05-02.docx"); null when there is none.
 */
export function dateFromFileName(file: string): string | null {
  return findDate(baseName(file))?.iso ?? null;
}

/** The name without folder or extension. */
function baseName(file: string): string {
  return (file.split(/[\\/]/).pop() ?? '').replace(/\.[^.]+$/, '');
}

const LEADING_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const TRAILING_DATE = /(?:^|[\s_-])(\d{4})-(\d{2})-(\d{2})$/;

/** A real date at the start or the end of a base name, and the rest of the name. */
function findDate(base: string): { iso: string; rest: string } | null {
  const lead = LEADING_DATE.exec(base);
  if (lead) {
    const iso = realDate(lead);
    return iso ? { iso, rest: base.slice(10) } : null;
  }
  const trail = TRAILING_DATE.exec(base);
  if (trail) {
    const iso = realDate(trail);
    return iso ? { iso, rest: base.slice(0, trail.index) } : null;
  }
  return null;
}

function realDate(m: RegExpExecArray): string | null {
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}
