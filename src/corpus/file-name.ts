// What a file's name says when the file itself does not: a date prefix, a readable title.

/** "ethereum-acdt-2026-03.vtt" → "ethereum acdt 2026 03": a title when the file states none. */
export function titleFromFileName(file: string): string | null {
  const base = (file.split(/[\\/]/).pop() ?? '').replace(/\.[^.]+$/, '');
  const words = base.replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();
  return /\p{L}/u.test(words) ? words : null;
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
