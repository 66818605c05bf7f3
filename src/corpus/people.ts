// The people of one report: who is named how, with which roles, and how a surname, a role
// description ("the president of Azerbaijan") or a label resolves to one person.
import { isCountry } from './countries.js';
import { foldScannedI } from './ocr.js';
import type { KnownNames, Mention } from './mentions.js';
import { Clock, OrderedBuckets, TimedEndings, TimedSet } from './people-index.js';
import type { Span } from './people-index.js';

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
  /** Normalised name and aliases, for lookups. Change only through the functions here. */
  norm: string;
  keys: Set<string>;
  /** Role texts already seen (as written), to skip repeats cheaply. */
  roleKeys: Set<string>;
  /** "he" or "she", once a form of address or a pronoun has told (for whom "she" means). */
  pronoun?: 'he' | 'she';
  /** Position in the registry's `people`: lookups answer in this order, as a scan would. */
  order: number;
}

export interface Registry {
  people: Person[];
  clock: number;
  /** Full names already resolved in this report. */
  byName: Map<string, Person>;
  /** Lookups over `people`, kept current as people are added, renamed and given aliases. */
  index: PeopleIndex;
}

/**
 * The registry's people by normalised name, key, surname and first word, and the names known
 * to be people over time (what `knownNames` reads), so no lookup scans every person.
 */
interface PeopleIndex {
  byNorm: OrderedBuckets<Person>;
  byKey: OrderedBuckets<Person>;
  /** Non-generic people by surname (`lastWord` of the name), and by surname without "al-". */
  bySurname: OrderedBuckets<Person>;
  byBareSurname: OrderedBuckets<Person>;
  /** Non-generic people of two or more words by their first word ("xi" for Xi Jinping). */
  byFirstWord: OrderedBuckets<Person>;
  /** How many keys all people have: with `people.length`, tells that the known names changed. */
  keyCount: number;
  clock: Clock;
  /** Names and surnames known to be people (the sets `knownNames` reads), and full names. */
  known: TimedSet;
  singles: TimedSet;
  fullNames: TimedEndings;
  /** Per person, the spans that end when the name changes. */
  nameSpans: Map<Person, Span[]>;
  /** People by the head of each of their roles ("prime minister"), and by each word-ending of it. */
  byRoleHead: OrderedBuckets<Person>;
  byRoleHeadEnding: OrderedBuckets<Person>;
}

export function createRegistry(): Registry {
  const clock = new Clock();
  return {
    people: [],
    clock: 0,
    byName: new Map(),
    index: {
      byNorm: new OrderedBuckets(),
      byKey: new OrderedBuckets(),
      bySurname: new OrderedBuckets(),
      byBareSurname: new OrderedBuckets(),
      byFirstWord: new OrderedBuckets(),
      keyCount: 0,
      clock,
      known: new TimedSet(clock),
      singles: new TimedSet(clock),
      fullNames: new TimedEndings(clock),
      nameSpans: new Map(),
      byRoleHead: new OrderedBuckets(),
      byRoleHeadEnding: new OrderedBuckets(),
    },
  };
}

/** A new person (name, keys and flags set; no aliases yet) joins the registry and its index. */
function registerPerson(reg: Registry, p: Omit<Person, 'order' | 'keys'>): Person {
  const person: Person = { ...p, keys: new Set(), order: reg.people.length };
  reg.people.push(person);
  indexName(reg, person);
  addKey(reg, person, person.norm);
  return person;
}

/** Indexes what follows from the person's current name (undone by `unindexName`). */
function indexName(reg: Registry, p: Person): void {
  const ix = reg.index;
  ix.byNorm.add(p.norm, p);
  if (p.generic) return;
  const sur = lastWord(p.norm);
  ix.bySurname.add(sur, p);
  ix.byBareSurname.add(stripParticle(sur), p);
  const space = p.norm.indexOf(' ');
  if (space >= 0) ix.byFirstWord.add(p.norm.slice(0, space), p);
  const spans = [ix.singles.add(sur), ix.singles.add(stripParticle(sur))];
  // The name itself is known even when it is a "the …" office, which as an alias is not.
  if (p.norm.startsWith('the ')) spans.push(ix.known.add(p.norm));
  if (space >= 0) spans.push(ix.fullNames.add(p.name, p.order));
  ix.nameSpans.set(p, spans);
}

function unindexName(reg: Registry, p: Person): void {
  const ix = reg.index;
  ix.byNorm.remove(p.norm, p);
  if (p.generic) return;
  const sur = lastWord(p.norm);
  ix.bySurname.remove(sur, p);
  ix.byBareSurname.remove(stripParticle(sur), p);
  const space = p.norm.indexOf(' ');
  if (space >= 0) ix.byFirstWord.remove(p.norm.slice(0, space), p);
  for (const span of ix.nameSpans.get(p) ?? []) ix.clock.end(span);
  ix.nameSpans.delete(p);
}

/** Gives the person one more lookup key (a normalised name or alias). */
function addKey(reg: Registry, p: Person, key: string): void {
  if (p.keys.has(key)) return;
  p.keys.add(key);
  const ix = reg.index;
  ix.keyCount++;
  ix.byKey.add(key, p);
  if (!p.generic && !key.startsWith('the ')) ix.known.add(key);
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

/** The names known to be people as of now; later changes to the registry do not show in it. */
export function knownNames(reg: Registry): KnownNames {
  const ix = reg.index;
  const at = ix.clock.read();
  return {
    fullNameEnding: (text) => ix.fullNames.endingOf(text, at),
    isKnown: (words) => {
      const j = words.join(' ');
      return ix.known.has(j, at) || (words.length === 1 && ix.singles.has(j, at));
    },
  };
}

/** A number that changes whenever the known names may have (people or keys were added). */
export function knownNamesVersion(reg: Registry): number {
  return reg.people.length + reg.index.keyCount * 31;
}

export function addAlias(reg: Registry, p: Person, alias: string): void {
  const a = alias.trim().replace(/^The\s/, 'the ');
  if (!a || p.aliases.includes(a)) return;
  const n = normalizeName(a);
  if (n === p.norm) return;
  p.aliases.push(a);
  addKey(reg, p, n);
}

export function renamePerson(reg: Registry, p: Person, name: string): void {
  unindexName(reg, p);
  p.name = name.trim();
  p.norm = normalizeName(p.name);
  indexName(reg, p);
  addKey(reg, p, p.norm);
}

/** Makes the person found by a role's head ("minister" finds a "prime minister" and back). */
function indexRole(reg: Registry, p: Person, r: RoleInfo): void {
  const head = sameHead(r.head);
  reg.index.byRoleHead.add(head, p);
  for (let i = head.indexOf(' '); i >= 0; i = head.indexOf(' ', i + 1))
    reg.index.byRoleHeadEnding.add(head.slice(i + 1), p);
}

/** The role the corpus owner gives (front matter): it comes first, before any the text gives. */
export function addFixedRole(reg: Registry, p: Person, role: RoleInfo): void {
  p.roles.unshift(role);
  indexRole(reg, p, role);
}

export function addRole(reg: Registry, p: Person, role: RoleInfo): void {
  if (p.roleKeys.has(role.text)) return;
  p.roleKeys.add(role.text);
  const t = role.text.replace(/^(the|his|her|an?)\s+/i, '').trim();
  if (!t) return;
  const r = { ...role, text: t.charAt(0).toUpperCase() + t.slice(1) };
  const k = r.text.toLowerCase();
  if (p.roles.some((x) => x.text.toLowerCase() === k)) return;
  p.roles.push(r);
  indexRole(reg, p, r);
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
  return reg.index.byNorm.get(n)[0] ?? reg.index.byKey.get(n)[0] ?? null;
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
      ? (reg.index.byNorm.get(norm).find((x) => x.generic) ?? null)
      : lookupName(reg, name);
    const words = norm.split(' ');
    if (!p) {
      p = registerPerson(reg, {
        name: name.trim(),
        aliases: [],
        roles: [],
        generic: !!opts.generic,
        seen: reg.clock,
        present: false,
        fixed: false,
        norm,
        roleKeys: new Set(),
      });
    } else if (!p.fixed && words.length > p.norm.split(' ').length && !p.generic) {
      // A fuller form of the same name: it becomes the name, the shorter one an alias.
      const old = p.name;
      renamePerson(reg, p, name);
      addAlias(reg, p, old);
    }
    if (norm !== p.norm) addAlias(reg, p, name);
    if (words.length > 1) reg.byName.set(name, p);
  }
  p.seen = reg.clock;
  if (opts.alias) addAlias(reg, p, opts.alias);
  if (opts.role) addRole(reg, p, opts.role);
  return p;
}

export function lookupName(reg: Registry, name: string): Person | null {
  const exact = findByAlias(reg, name);
  if (exact) return exact;
  const words = normalizeName(name).split(' ');
  const sur = words[words.length - 1] ?? '';
  const bare = sur.replace(/^(al|el|bin|ibn|abu)-/, '');
  const same = mergeInOrder(reg.index.bySurname.get(sur), reg.index.byBareSurname.get(bare));
  if (same.length === 0) {
    // "Dame Greta" for Greta Lindqvist, "President Xi" for Xi Jinping: a single name that opens
    // exactly one full name the report gives.
    if (words.length !== 1) return null;
    const opening = reg.index.byFirstWord.get(sur);
    return opening.length === 1 ? (opening[0] as Person) : null;
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

/** Two lists in registry order as one, each person once. */
function mergeInOrder(a: readonly Person[], b: readonly Person[]): readonly Person[] {
  if (b.length === 0 || a === b) return a;
  if (a.length === 0) return b;
  const out: Person[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x && (!y || x.order <= y.order)) {
      out.push(x);
      i++;
      if (x === y) j++;
    } else if (y) {
      out.push(y);
      j++;
    }
  }
  return out;
}

function mostRecent(ps: readonly Person[]): Person {
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

/**
 * The people who may hold a role with this head: a role of the same head, or of a head one ends
 * with ("minister" and "prime minister"); anyone with a role for "leader" (see roleScore).
 */
function roleCandidates(reg: Registry, mHead: string): readonly Person[] {
  const head = sameHead(mHead);
  if (head === 'leader') return reg.people;
  const ix = reg.index;
  const lists = [ix.byRoleHead.get(head), ix.byRoleHeadEnding.get(head)];
  for (let i = head.indexOf(' '); i >= 0; i = head.indexOf(' ', i + 1))
    lists.push(ix.byRoleHead.get(head.slice(i + 1)));
  const nonEmpty = lists.filter((l) => l.length > 0);
  // Usually one list (every holder of the office): it is in registry order already.
  if (nonEmpty.length <= 1) return nonEmpty[0] ?? [];
  const found = new Set<Person>();
  for (const l of nonEmpty) for (const p of l) found.add(p);
  return [...found].sort((a, b) => a.order - b.order);
}

/** The person a role description refers to ("the Leader" → whoever has a Leader role). */
export function resolveRole(reg: Registry, m: Mention, focus: Person | null): Person | null {
  const byAlias = findByAlias(reg, m.text.replace(/^(the|his|her)\s+/i, ''));
  if (byAlias && !byAlias.generic) return byAlias;
  const head = m.head ?? '';
  let best: Person | null = null;
  let bestScore = 0;
  for (const p of roleCandidates(reg, head)) {
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
  let p = reg.index.byNorm.get(norm)[0] ?? null;
  p ??= registerPerson(reg, {
    name: name.trim(),
    aliases: [],
    roles: [],
    generic: false,
    seen: reg.clock,
    present: false,
    fixed: false,
    norm,
    roleKeys: new Set(),
  });
  p.seen = reg.clock;
  addRole(reg, p, role);
  return p;
}
