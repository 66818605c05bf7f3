// A display label split into the name and what rides along with it: the company or team
// ("Ana Ruiz (Acme)", "Tullio | Erigon", "Rachel Donahue - Digital Promise"), pronouns and
// handles ("(she/they)", "(@handle)") and a nick before the real name ("TallTed // Ted Thibodeau").

import { COMMON_CAPS } from '../header.js';

export interface LabelParts {
  label: string;
  role?: string;
  /** The whole label, when it holds more than the name. */
  alias?: string;
}

const PRONOUNS = /\(\s*(?:he|she|they|ze|xe|it|any)\s*\/\s*[\p{L}/ ]{1,20}\)/giu;
const HANDLE = /\(\s*@[^()\s]{1,40}\s*\)/gu;
const TRAILING_PAREN = /^(.+?)\s*\(([^()]{1,60})\)$/u;
const SEPARATED = /^(.+?)\s+(?:\||-|–|—)\s+(.+)$/u;

/** The name and role a label holds ("Jack Tanner (CTO)" → "Jack Tanner" + "CTO"). */
export function labelParts(raw: string): LabelParts {
  let s = squash(raw.replace(PRONOUNS, ' ').replace(HANDLE, ' '));
  // "nick // Real Name": the last part is the name the person goes by in full.
  const alts = s.split(/\s*\/\/\s*/).filter(Boolean);
  if (alts.length > 1) s = alts[alts.length - 1] ?? s;
  const roles: string[] = [];
  for (let m = TRAILING_PAREN.exec(s); m; m = TRAILING_PAREN.exec(s)) {
    roles.unshift(squash(m[2] ?? ''));
    s = squash(m[1] ?? '');
  }
  const sep = SEPARATED.exec(s);
  if (sep) {
    roles.unshift(squash(sep[2] ?? ''));
    s = squash(sep[1] ?? '');
  }
  const whole = squash(raw);
  if (!s) return { label: whole };
  const out: LabelParts = { label: s };
  const role = roles.filter(Boolean).join(', ');
  if (role) out.role = role;
  if (whole !== s) out.alias = whole;
  return out;
}

function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Lowercase words a name may hold between capitalised ones ("Ana de la Cruz"). */
const PARTICLES = new Set(
  'de la le da di du del der den van von ten ter bin bint al el dos das y'.split(' '),
);

/**
 * A speaker's name as transcripts write it: capitalised words ("Ana Ruiz", "Ana de la Cruz",
 * "Speaker 1", "Dr. Ng") or one handle ("kofi.b"); not a heading or a sentence ("Welcome",
 * "At the pier", "The chair opened").
 */
export function looksLikeName(label: string): boolean {
  const words = label.split(' ');
  if (words.length > 6 || !/^[\p{L}@]/u.test(label)) return false;
  if (words.some((w) => !/^[\p{L}\p{M}\p{N}'’.@_-]+$/u.test(w))) return false;
  if (COMMON_CAPS.has((words[0] ?? '').toLowerCase().replace(/[.,]$/, ''))) return false;
  if (words.length === 1) return !/^\p{N}+$/u.test(label);
  return words.every(
    (w, i) => /^[\p{Lu}\p{N}]/u.test(w) || (i > 0 && i < words.length - 1 && PARTICLES.has(w)),
  );
}
