// The people of one report: who is named how, with which roles, and how a surname, a role
// description ("the president of Azerbaijan") or a label resolves to one person.
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
}

export interface Registry {
  people: Person[];
  clock: number;
}

export function createRegistry(): Registry {
  return { people: [], clock: 0 };
}

export function normalizeName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['\u2019]s\b/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function surnameOf(name: string): string {
  const words = normalizeName(name).split(' ');
  return words[words.length - 1] ?? '';
}

/** Surname without an Arabic-style particle ("al-abadi" → "abadi"). */
function bareSurname(name: string): string {
  return surnameOf(name).replace(/^(al|el|bin|ibn|abu)-/, '');
}

export function knownNames(reg: Registry): KnownNames {
  const full = new Set<string>();
  const singles = new Set<string>();
  const fullNames: string[] = [];
  for (const p of reg.people) {
    if (p.generic) continue;
    const n = normalizeName(p.name);
    full.add(n);
    if (n.includes(' ')) fullNames.push(p.name);
    singles.add(surnameOf(p.name));
    singles.add(bareSurname(p.name));
    for (const a of p.aliases) {
      const an = normalizeName(a);
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
  if (!a || normalizeName(a) === normalizeName(p.name)) return;
  if (p.aliases.some((x) => x === a)) return;
  p.aliases.push(a);
}

export function addRole(p: Person, role: RoleInfo): void {
  const t = role.text.replace(/^(the|his|her)\s+/i, '').trim();
  if (!t) return;
  const r = { ...role, text: t.charAt(0).toUpperCase() + t.slice(1) };
  if (p.roles.some((x) => normalizeName(x.text) === normalizeName(r.text))) return;
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
    if (normalizeName(p.name) === n) return p;
  }
  for (const p of reg.people) {
    if (p.aliases.some((a) => normalizeName(a) === n)) return p;
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
  let p = lookupName(reg, name);
  const words = normalizeName(name).split(' ');
  if (!p) {
    p = {
      name: name.trim(),
      aliases: [],
      roles: [],
      generic: !!opts.generic,
      seen: reg.clock,
      present: false,
      fixed: false,
    };
    reg.people.push(p);
  } else if (!p.fixed && words.length > normalizeName(p.name).split(' ').length && !p.generic) {
    // A fuller form of the same name: it becomes the name, the shorter one an alias.
    const old = p.name;
    p.name = name.trim();
    addAlias(p, old);
  }
  p.seen = reg.clock;
  if (opts.alias) addAlias(p, opts.alias);
  if (normalizeName(name) !== normalizeName(p.name)) addAlias(p, name);
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
    (p) => !p.generic && (surnameOf(p.name) === sur || bareSurname(p.name) === bare),
  );
  if (same.length === 0) return null;
  if (words.length === 1) return same.length === 1 ? (same[0] as Person) : mostRecent(same);
  // Same surname: the same person when one name's words contain the other's.
  for (const p of same) {
    const pw = normalizeName(p.name).split(' ');
    if (pw.length === 1 || pw.every((w) => words.includes(w)) || words.every((w) => pw.includes(w)))
      return p;
  }
  return null;
}

function mostRecent(ps: Person[]): Person {
  return ps.reduce((a, b) => (b.seen > a.seen ? b : a));
}

function roleScore(r: RoleInfo, head: string, quals: string[]): number {
  if (r.head !== head && !r.head.endsWith(' ' + head) && !head.endsWith(' ' + r.head)) return -1;
  let s = 1;
  for (const q of quals) {
    if (r.quals.includes(q)) s += 2;
    else if (/^\p{Lu}/u.test(q) || q.length > 3) s -= 0.5;
  }
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
    for (const r of p.roles) {
      const s = roleScore(r, head, m.quals);
      if (s <= 0) continue;
      if (
        s > bestScore ||
        (s === bestScore && best && (p === focus || (best !== focus && p.seen > best.seen)))
      ) {
        best = p;
        bestScore = s;
      }
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
  return null;
}
