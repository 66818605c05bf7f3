// The people of one report: who is named how, with which roles, and how a surname, a role
// description ("the president of Azerbaijan") or a label resolves to one person.
import { isCountry } from './countries.js';
import { foldScannedI } from './ocr.js';
import type { KnownNames, Mention } from './mentions.js';

export interface RoleInfo {
  text: string;
  head: string;
  quals: string[];
}

export interface Person {
  name: string;
  aliases: string[];
  roles: RoleInfo[];
  /** A generic label speaker ("Aide", "Moderator"): never merged by surname. */
  generic: boolean;
  /** Order of last mention, for "most recent" tie-breaks. */
  seen: number;
  present: boolean;
  /** Stated by the corpus owner (front matter): its name and role win. */
  fixed: boolean;
  /** Normalised name and aliases, for lookups. */
  norm: string;
  keys: Set<string>;
  /** Role texts already seen (as written), to skip repeats cheaply. */
  roleKeys: Set<string>;
  /** "he" or "she", once a form of address or a pronoun has told (for whom "she" means). */
  pronoun?: 'he' | 'she';
}

export interface Registry {
  people: Person[];
  clock: number;
  /** Full names already resolved in this report. */
  byName: Map<string, Person>;
}

export function createRegistry(): Registry {
  return { people: [], clock: 0, byName: new Map() };
}

/** Lower case, no accents, no possessive "'s", punctuation as spaces: the form names compare in. */
export function normalizeName(raw: string): string {
  const s = foldScannedI(raw);
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 126) {
      ascii = false;
      break;
    }
  }
  if (!ascii) {
    return s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/['\u2019]s\b/g, '')
      .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  }
  // Plain ASCII (nearly every name): one pass, no regular expressions.
  const low = s.toLowerCase();
  let out = '';
  let space = false;
  for (let i = 0; i < low.length; i++) {
    const c = low.charCodeAt(i);
    if (c === 39 && low.charCodeAt(i + 1) === 115 && !isAlnum(low.charCodeAt(i + 2))) {
      i++;
      continue;
    }
    if (isAlnum(c) || c === 45) {
      if (space && out.length > 0) out += ' ';
      space = false;
      out += low[i];
    } else space = true;
  }
  return out;
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** The surname of a normalised name: its last word, a generation ("Jr.", "III") left out. */
function lastWord(norm: string): string {
  const words = norm.split(' ');
  while (words.length > 1 && GENERATIONS.has(words[words.length - 1] ?? '')) words.pop();
  return words[words.length - 1] ?? norm;
}

const GENERATIONS = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

function stripParticle(w: string): string {
  return w.replace(/^(al|el|bin|ibn|abu)-/, '');
}

export function knownNames(reg: Registry): KnownNames {
  const full = new Set<string>();
  const singles = new Set<string>();
  const fullNames: string[] = [];
  for (const p of reg.people) {
    if (p.generic) continue;
    const n = p.norm;
    full.add(n);
    if (n.includes(' ')) fullNames.push(p.name);
    const sur = lastWord(p.norm);
    singles.add(sur);
    singles.add(stripParticle(sur));
    for (const an of p.keys) {
      if (!an.startsWith('the ')) full.add(an);
    }
  }
  return {
    fullNames,
    isKnown: (words) => {
      const j = words.join(' ');
      return full.has(j) || (words.length === 1 && singles.has(j));
    },
  };
}

export function addAlias(p: Person, alias: string): void {
  const a = alias.trim().replace(/^The\s/, 'the ');
  if (!a || p.aliases.includes(a)) return;
  const n = normalizeName(a);
  if (n === p.norm) return;
  p.aliases.push(a);
  p.keys.add(n);
}

export function renamePerson(p: Person, name: string): void {
  p.name = name.trim();
  p.norm = normalizeName(p.name);
  p.keys.add(p.norm);
}

export function addRole(p: Person, role: RoleInfo): void {
  if (p.roleKeys.has(role.text)) return;
  p.roleKeys.add(role.text);
  const t = role.text.replace(/^(the|his|her|an?)\s+/i, '').trim();
  if (!t) return;
  const r = { ...role, text: t.charAt(0).toUpperCase() + t.slice(1) };
  const k = r.text.toLowerCase();
  if (p.roles.some((x) => x.text.toLowerCase() === k)) return;
  p.roles.push(r);
}

/** The role shown for a person: the most descriptive one the report gives. */
export function bestRole(p: Person): string | null {
  if (p.roles.length === 0) return null;
  if (p.fixed) return p.roles[0]?.text ?? null;
  let best = p.roles[0] as RoleInfo;
  for (const r of p.roles) if (r.text.length > best.text.length) best = r;
  return best.text;
}

export function findByAlias(reg: Registry, text: string): Person | null {
  const n = normalizeName(text);
  if (!n) return null;
  for (const p of reg.people) {
    if (p.norm === n) return p;
  }
  for (const p of reg.people) {
    if (p.keys.has(n)) return p;
  }
  return null;
}

/** Finds the person a personal name refers to, creating them when new. */
export function addName(
  reg: Registry,
  name: string,
  opts: { alias?: string; role?: RoleInfo | null; generic?: boolean } = {},
): Person {
  reg.clock++;
  // The same name string recurs in every paragraph: look each one up once (surnames excepted,
  // since "Varga" may mean a different Varga as the report goes on).
  let p = reg.byName.get(name) ?? null;
  if (!p) {
    const norm = normalizeName(name);
    // A generic label ("Q", "Aide") is only ever itself, never someone's surname or first name.
    p = opts.generic
      ? (reg.people.find((x) => x.generic && x.norm === norm) ?? null)
      : lookupName(reg, name);
    const words = norm.split(' ');
    if (!p) {
      p = {
        name: name.trim(),
        aliases: [],
        roles: [],
        generic: !!opts.generic,
        seen: reg.clock,
        present: false,
        fixed: false,
        norm,
        keys: new Set([norm]),
        roleKeys: new Set(),
      };
      reg.people.push(p);
    } else if (!p.fixed && words.length > p.norm.split(' ').length && !p.generic) {
      // A fuller form of the same name: it becomes the name, the shorter one an alias.
      const old = p.name;
      renamePerson(p, name);
      addAlias(p, old);
    }
    if (norm !== p.norm) addAlias(p, name);
    if (words.length > 1) reg.byName.set(name, p);
  }
  p.seen = reg.clock;
  if (opts.alias) addAlias(p, opts.alias);
  if (opts.role) addRole(p, opts.role);
  return p;
}

export function lookupName(reg: Registry, name: string): Person | null {
  const exact = findByAlias(reg, name);
  if (exact) return exact;
  const words = normalizeName(name).split(' ');
  const sur = words[words.length - 1] ?? '';
  const bare = sur.replace(/^(al|el|bin|ibn|abu)-/, '');
  const same = reg.people.filter(
    (p) => !p.generic && (lastWord(p.norm) === sur || stripParticle(lastWord(p.norm)) === bare),
  );
  if (same.length === 0) {
    // "Dame Greta" for Greta Lindqvist, "President Xi" for Xi Jinping: a single name that opens
    // exactly one full name the report gives.
    if (words.length !== 1) return null;
    let only: Person | null = null;
    for (const p of reg.people) {
      if (p.generic || !p.norm.startsWith(sur + ' ')) continue;
      if (only) return null;
      only = p;
    }
    return only;
  }
  if (words.length === 1) return same.length === 1 ? (same[0] as Person) : mostRecent(same);
  // Same surname: the same person when one name's words contain the other's.
  for (const p of same) {
    const pw = p.norm.split(' ');
    if (pw.length === 1 || pw.every((w) => words.includes(w)) || words.every((w) => pw.includes(w)))
      return p;
  }
  return null;
}

function mostRecent(ps: Person[]): Person {
  return ps.reduce((a, b) => (b.seen > a.seen ? b : a));
}

const SUBORDINATE = new Set([
  'deputy',
  'vice',
  'assistant',
  'acting',
  'former',
  'associate',
  'interim',
]);

/** Head titles that name the same office ("the Iraqi premier" is its Prime Minister). */
const SAME_HEAD: Record<string, string> = {
  premier: 'prime minister',
  pm: 'prime minister',
  'secretary-general': 'secretary general',
  chairwoman: 'chairman',
  chairperson: 'chairman',
  chair: 'chairman',
  councilor: 'councillor',
  advisor: 'adviser',
  spokeswoman: 'spokesman',
  spokesperson: 'spokesman',
};

function sameHead(head: string): string {
  return SAME_HEAD[head] ?? head;
}

function roleScore(r: RoleInfo, mHead: string, quals: string[]): number {
  const head = sameHead(mHead);
  const rHead = sameHead(r.head);
  if (rHead !== head && !rHead.endsWith(' ' + head) && !head.endsWith(' ' + rHead)) {
    // "the Kenyan leader" is whoever leads Kenya in the report, whatever the office's name.
    if (head !== 'leader') return -1;
    const country = quals.filter(isCountry);
    return country.length > 0 && country.every((q) => r.quals.includes(q)) ? 1 : -1;
  }
  let matches = 0;
  for (const q of quals) if (r.quals.includes(q)) matches++;
  // "the president of Azerbaijan" is not "Iran's President"; "the Mayor of Port Alder" may be "Mayor".
  if (matches === 0 && quals.length > 0 && r.quals.some((q) => !SUBORDINATE.has(q))) return -1;
  let s = 1 + 2 * matches;
  // "the Mayor" is not the Deputy Mayor.
  for (const q of r.quals) if (SUBORDINATE.has(q) && !quals.includes(q)) s -= 2;
  return s;
}

/** The person a role description refers to ("the Leader" → whoever has a Leader role). */
export function resolveRole(reg: Registry, m: Mention, focus: Person | null): Person | null {
  const byAlias = findByAlias(reg, m.text.replace(/^(the|his|her)\s+/i, ''));
  if (byAlias && !byAlias.generic) return byAlias;
  const head = m.head ?? '';
  let best: Person | null = null;
  let bestScore = 0;
  for (const p of reg.people) {
    if (p.generic) continue;
    let s = 0;
    let widest = 0;
    for (const r of p.roles) {
      const rs = roleScore(r, head, m.quals);
      if (rs > s) s = rs;
      if (rs > 0) widest = Math.max(widest, r.quals.length);
    }
    // Plain "the President" is the one whose role needs no qualifier ("President of Westholm" is not).
    if (m.quals.length === 0) s -= 0.1 * widest;
    if (s <= 0) continue;
    const tieWins =
      s === bestScore && best && (p === focus || (best !== focus && p.seen > best.seen));
    if (s > bestScore || tieWins) {
      best = p;
      bestScore = s;
    }
  }
  if (best) return best;
  // Nobody holds that role yet: the person the report is talking about takes it.
  if (
    focus &&
    !focus.generic &&
    focus.roles.every((r) => roleScore(r, head, []) > 0 || r.head !== head)
  ) {
    if (focus.roles.length === 0) return focus;
  }
  // "In this meeting, the Leader of the Islamic Revolution described…" right after a sentence
  // about the guest: the role belongs to someone present whose role the report has not yet given.
  let open: Person | null = null;
  for (const p of reg.people)
    if (!p.generic && p.present && p.roles.length === 0 && (!open || p.seen > open.seen)) open = p;
  return open;
}

/**
 * Someone known only by office ("The Prime Minister", "A Ministry spokesperson"): found by that
 * exact name or created, never merged with a person by a shared last word.
 */
export function addOffice(reg: Registry, name: string, role: RoleInfo): Person {
  const norm = normalizeName(name);
  reg.clock++;
  let p = reg.people.find((x) => x.norm === norm) ?? null;
  if (!p) {
    p = {
      name: name.trim(),
      aliases: [],
      roles: [],
      generic: false,
      seen: reg.clock,
      present: false,
      fixed: false,
      norm,
      keys: new Set([norm]),
      roleKeys: new Set(),
    };
    reg.people.push(p);
  }
  p.seen = reg.clock;
  addRole(p, role);
  return p;
}
