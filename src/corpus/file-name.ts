// What a file's name says when the file itself does not: a date prefix, a readable title.
import { MONTH_NAMES } from './months.js';

/**
 * A readable title when the record states none: "2026-05-02-harbour.txt" → "Harbour, 2 May
 * 2026", "ethereum-acdt-call.vtt" → "Ethereum acdt call". Never a path; null when the name has
 * no words.
 */
export function titleFromFileName(file: string): string | null {
  const base = (file.split(/[\\/]/).pop() ?? '').replace(/\.[^.]+$/, '');
  const date = dateFromFileName(base);
  const rest = (date ? base.slice(10) : base).replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();
  const words = rest ? rest.charAt(0).toUpperCase() + rest.slice(1) : '';
  const when = date ? readableDate(date) : '';
  if (!/\p{L}/u.test(words)) return when || null;
  return when ? `${words}, ${when}` : words;
}

/** "2026-05-02" → "2 May 2026". */
function readableDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTH_NAMES[(m ?? 1) - 1]} ${y}`;
}

export function dateFromFileName(file: string): string | null {
  const base = file.split(/[\\/]/).pop() ?? '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(base);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}
