// Finding speakers and meetings by what people type: names, aliases, roles, titles, dates, typos.
import Fuse from 'fuse.js';
import { runAtOnce, type Slices } from '../slices.js';
import type { Corpus, Meeting, Speaker } from '../corpus/types.js';
import { HONORIFICS, foldPhrase, tokenize } from './normalize.js';
import { MONTH_NAMES } from '../corpus/months.js';

export interface SpeakerMatch {
  speaker: Speaker | null;
  candidates: Speaker[];
}

interface SpeakerKey {
  speaker: Speaker;
  text: string;
}

/**
 * Everything the lookups compare a typed name or meeting with, built once with the search index
 * (autocomplete runs on every keystroke): folded name keys, fuse.js indexes, statement counts.
 */
export interface LookupIndex {
  readonly corpus: Corpus;
  readonly keys: SpeakerKey[];
  /** Typos of a name, alias or role (loose: resolving a speaker offers the closest). */
  readonly speakerFuse: Fuse<SpeakerKey>;
  /** Typos while typing (strict: autocomplete lists only close names). */
  readonly speakerSuggestFuse: Fuse<SpeakerKey>;
  readonly identifying: Map<Speaker, Set<string>>;
  readonly docs: MeetingDoc[];
  readonly meetingFuse: Fuse<MeetingDoc>;
  readonly meetingSuggestFuse: Fuse<MeetingDoc>;
  readonly counts: Map<string, number>;
  readonly byCount: Speaker[];
  readonly byDate: Meeting[];
}

/** Builds the lookup structures once for a corpus. */
export function buildLookup(corpus: Corpus): LookupIndex {
  return runAtOnce(lookupSlices(corpus));
}

/**
 * The lookups, built with pauses between pieces (see slices.ts): the live corpus builds them a
 * slice at a time with its index. Each fuzzy index over the meetings is one piece (tens of ms at
 * 5,000 meetings); the rest goes a few hundred meetings at a time.
 */
export function* lookupSlices(corpus: Corpus): Slices<LookupIndex> {
  const keys = speakerKeys(corpus);
  yield;
  const docs: MeetingDoc[] = [];
  const byName = new Map(corpus.speakers.map((s) => [s.name, s]));
  for (const [i, meeting] of corpus.meetings.entries()) {
    docs.push(meetingDoc(meeting, byName));
    if (i % 256 === 255) yield;
  }
  const counts = statementCounts(corpus);
  yield;
  const speakerFuse = new Fuse(keys, {
    keys: ['text'],
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.6,
  });
  const speakerSuggestFuse = new Fuse(keys, {
    keys: ['text'],
    ignoreLocation: true,
    threshold: 0.3,
  });
  const identifying = new Map(corpus.speakers.map((s) => [s, identifyingWords(s)]));
  yield;
  const meetingFuse = new Fuse(docs, {
    keys: [
      { name: 'title', weight: 3 },
      { name: 'people', weight: 2 },
      { name: 'file', weight: 1 },
    ],
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.4,
    useExtendedSearch: false,
  });
  yield;
  const meetingSuggestFuse = new Fuse(docs, {
    keys: ['title', 'people', 'file'],
    ignoreLocation: true,
    threshold: 0.4,
  });
  yield;
  const byCount = [...corpus.speakers].sort(
    (a, b) => (counts.get(b.name) ?? 0) - (counts.get(a.name) ?? 0) || a.name.localeCompare(b.name),
  );
  yield;
  return {
    corpus,
    keys,
    speakerFuse,
    speakerSuggestFuse,
    identifying,
    docs,
    meetingFuse,
    meetingSuggestFuse,
    counts,
    byCount,
    byDate: sortByDate(corpus.meetings),
  };
}

/** The lookup structures of a corpus: those built with the index, or built now for one call. */
function lookupOf(source: Corpus | LookupIndex): LookupIndex {
  return 'speakerFuse' in source ? source : buildLookup(source);
}

/** Words that tie a role phrase together but say nothing about who ("President of the Republic of"). */
const ROLE_GLUE = new Set(['of', 'the', 'and', 'for', 'a', 'an', 'in', 's', 'to', 'on']);

/** Folded name/alias/role phrases of every speaker, the strings a mention is compared with. */
function speakerKeys(corpus: Corpus): SpeakerKey[] {
  const keys: SpeakerKey[] = [];
  for (const speaker of corpus.speakers) {
    const seen = new Set<string>();
    for (const raw of [speaker.name, ...speaker.aliases, speaker.role ?? '']) {
      const text = foldPhrase(raw);
      if (text && !seen.has(text)) {
        seen.add(text);
        keys.push({ speaker, text });
      }
    }
  }
  return keys;
}

/** The words of a name that identify a person: no honorifics, no "al-"/"bin" glue. */
export function nameWords(phrase: string): string[] {
  return tokenize(phrase).filter(
    (w) =>
      (w.length >= 3 || (w.length === 2 && /^\p{L}+$/u.test(w) && !NAME_PARTICLES.has(w))) &&
      !HONORIFICS.has(w) &&
      !ROLE_GLUE.has(w) &&
      !NAME_PARTICLES.has(w),
  );
}

/** Particles inside names ("al-Abadi", "van der Berg") and two-letter English words: not names. */
const NAME_PARTICLES = new Set(
  'al el de da di du la le van von der den bin ibn abu ben mc st a i an as at be by do go he if in is it me my no of oh ok on or so to up us we'.split(
    ' ',
  ),
);

/**
 * The words that name a speaker: those of the canonical name, plus those of aliases that are
 * only a name ("Khamenei", "Mr. Sirisena"). Aliases that hold a role ("Azerbaijan President
 * Ilham Aliyev", "the Prime Minister of Iraq") add no words of their own: "azerbaijan" and
 * "iraq" are not names.
 */
export function identifyingWords(speaker: Speaker): Set<string> {
  const words = new Set(nameWords(speaker.name));
  // The role's own words in an alias ("City Attorney Knutson" of the City Attorney) are no name.
  const role = new Set(tokenize(speaker.role ?? ''));
  for (const alias of speaker.aliases) {
    const all = tokenize(alias);
    const roleLike = all.some((w) => HONORIFICS.has(w) && !words.has(w)) || all.includes('of');
    for (const w of nameWords(alias)) if (words.has(w) || (!roleLike && !role.has(w))) words.add(w);
  }
  return words;
}

/** Words a role phrase is made of ("President of Sri Lanka" → president, sri, lanka). */
export function roleWords(phrase: string): string[] {
  return tokenize(phrase)
    .flatMap((w) => (w === 'pm' ? ['prime', 'minister'] : [w]))
    .filter((w) => !ROLE_GLUE.has(w));
}

/**
 * Does a typed word stand for a role word? Equal, or one is the other plus a demonym ending
 * ("iranian" ~ "iran", "lankan" ~ "lanka", "iraqi" ~ "iraq").
 */
export function sameRoleWord(typed: string, word: string): boolean {
  if (typed === word) return true;
  const [short, long] = typed.length < word.length ? [typed, word] : [word, typed];
  return short.length >= 4 && long.startsWith(short) && long.length - short.length <= 3;
}

/** Every typed word is found in the role phrase: "iranian president" ⊆ "President of Iran". */
function roleCovers(typed: string[], role: string[]): boolean {
  return typed.length > 0 && typed.every((t) => role.some((r) => sameRoleWord(t, r)));
}

function uniqueSpeakers(list: Speaker[]): Speaker[] {
  return [...new Set(list)];
}

/**
 * Resolve a typed speaker reference. One clear match → `speaker`; several equally good →
 * `speaker: null` with the `candidates`; nothing close → `speaker: null` with the closest names.
 */
export function findSpeaker(source: Corpus | LookupIndex, query: string): SpeakerMatch {
  const q = foldPhrase(query.slice(0, 300));
  if (!q) return { speaker: null, candidates: [] };
  const lookup = lookupOf(source);
  const { corpus, keys } = lookup;
  const decide = (found: Speaker[]): SpeakerMatch | null => {
    const list = uniqueSpeakers(found);
    if (list.length === 1) return { speaker: list[0] ?? null, candidates: list };
    if (list.length > 1) return { speaker: null, candidates: list };
    return null;
  };

  // 1. The exact name, alias or role.
  const exact = decide(keys.filter((k) => k.text === q).map((k) => k.speaker));
  if (exact) return exact;

  // 2. The identifying words of a name ("khamenei", "President Putin", "ilham aliyev").
  const typedName = nameWords(q);
  if (typedName.length > 0) {
    const byName = decide(
      corpus.speakers.filter((s) => {
        const words = lookup.identifying.get(s) ?? identifyingWords(s);
        return typedName.every((w) => words.has(w));
      }),
    );
    if (byName) return byName;
  }

  // 3. A role ("the leader", "iranian president", "iraqi pm").
  const typedRole = roleWords(q);
  const byRole = decide(
    corpus.speakers.filter((s) =>
      [s.role ?? '', ...s.aliases].some((r) => r && roleCovers(typedRole, roleWords(r))),
    ),
  );
  if (byRole) return byRole;

  // 4. A typo: fuse.js over every name, alias and role.
  const hits = lookup.speakerFuse
    .search(q.replace(/[|'=!^$"]/g, ' '))
    .filter((h) => h.score !== undefined);
  const best = new Map<Speaker, number>();
  for (const h of hits) {
    const s = h.score ?? 1;
    const prev = best.get(h.item.speaker);
    if (prev === undefined || s < prev) best.set(h.item.speaker, s);
  }
  const ranked = [...best.entries()].sort((a, b) => a[1] - b[1]);
  const top = ranked[0];
  if (!top) return { speaker: null, candidates: [] };
  const close = ranked.filter(([, s]) => s <= top[1] + 0.05).map(([sp]) => sp);
  if (top[1] <= 0.3 && close.length === 1) return { speaker: top[0], candidates: [top[0]] };
  return { speaker: null, candidates: ranked.slice(0, 5).map(([sp]) => sp) };
}

const MONTHS = MONTH_NAMES.map((m) => m.toLowerCase());

/** Dates a query names: "2017", "2017-03-05", "March 2017", "5 March 2017", "mar 2017". */
function parseDateQuery(q: string): { year: string; month?: string; day?: string } | null {
  const iso = /\b(\d{4})-(\d{2})(?:-(\d{2}))?\b/.exec(q);
  if (iso?.[1]) return { year: iso[1], month: iso[2], day: iso[3] };
  const year = /\b(19\d{2}|20\d{2})\b/.exec(q)?.[1];
  if (!year) return null;
  const words = tokenize(q);
  const mi = MONTHS.findIndex((m) => words.some((w) => w.length >= 3 && m.startsWith(w)));
  if (mi < 0) return { year };
  const month = String(mi + 1).padStart(2, '0');
  const day = words.find((w) => /^\d{1,2}(st|nd|rd|th)?$/.test(w));
  return { year, month, day: day ? day.replace(/\D/g, '').padStart(2, '0') : undefined };
}

function dateMatches(date: string | null, want: { year: string; month?: string; day?: string }) {
  if (!date) return false;
  const [y, m, d] = date.split('-');
  return y === want.year && (!want.month || m === want.month) && (!want.day || d === want.day);
}

interface MeetingDoc {
  meeting: Meeting;
  title: string;
  people: string;
  file: string;
}

function meetingDoc(meeting: Meeting, byName: Map<string, Speaker>): MeetingDoc {
  return {
    meeting,
    title: foldPhrase(meeting.title ?? ''),
    people: foldPhrase(
      [...meeting.speakers, ...meeting.present]
        .map((name) => {
          const s = byName.get(name);
          return [name, ...(s?.aliases ?? [])].join(' ');
        })
        .join(' '),
    ),
    file: foldPhrase(meeting.file.replace(/\.[a-z]+$/i, '')),
  };
}

/** Meetings a query points at (a title, a date, a participant, a file name), best first. */
export function findMeetings(source: Corpus | LookupIndex, query: string): Meeting[] {
  const q = foldPhrase(query.slice(0, 300));
  if (!q) return [];
  const lookup = lookupOf(source);
  const corpus = lookup.corpus;
  const exact = corpus.meetings.filter(
    (m) => m.id === query.trim() || m.file === query.trim() || foldPhrase(m.title ?? '') === q,
  );
  if (exact.length > 0) return exact;

  let pool = corpus.meetings;
  const date = parseDateQuery(query);
  let rest = q;
  if (date) {
    pool = pool.filter((m) => dateMatches(m.date, date));
    rest = tokenize(q)
      .filter(
        (w) =>
          !/^\d+(st|nd|rd|th)?$/.test(w) && !MONTHS.some((m) => m.startsWith(w) && w.length >= 3),
      )
      .join(' ');
    if (!rest) return sortByDate(pool);
  }

  const inPool = new Set(pool);
  const docs = lookup.docs.filter((d) => inPool.has(d.meeting));
  // Speakers named in the query narrow the pool to the meetings they attended.
  const who = findSpeaker(lookup, rest);
  if (who.speaker) {
    const name = who.speaker.name;
    const attended = docs.filter(
      (d) => d.meeting.speakers.includes(name) || d.meeting.present.includes(name),
    );
    if (attended.length > 0) {
      const words = tokenize(rest).filter((w) => !nameWords(name).includes(w));
      if (words.length === 0 || attended.length === 1)
        return sortByDate(attended.map((d) => d.meeting));
    }
  }

  // Each word must be found somewhere (AND), so "aliyev 2018" does not return every Aliyev meeting.
  const words = tokenize(rest).filter((w) => w.length >= 2 && !ROLE_GLUE.has(w));
  if (words.length === 0) return [];
  const scores = new Map<Meeting, number>();
  for (const d of docs) scores.set(d.meeting, 0);
  for (const w of words) {
    const found = new Map(
      lookup.meetingFuse.search(w).map((h) => [h.item.meeting, h.score ?? 1] as const),
    );
    for (const [m, total] of scores) {
      const s = found.get(m);
      if (s === undefined) scores.delete(m);
      else scores.set(m, total + s);
    }
  }
  return [...scores.entries()].sort((a, b) => a[1] - b[1]).map(([m]) => m);
}

function sortByDate(list: Meeting[]): Meeting[] {
  return [...list].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
}

function statementCounts(corpus: Corpus): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of corpus.statements)
    if (s.speaker) counts.set(s.speaker, (counts.get(s.speaker) ?? 0) + 1);
  return counts;
}

/** Speakers for autocomplete: prefix matches first, then typo matches; most quoted first when empty. */
export function suggestSpeakers(
  source: Corpus | LookupIndex,
  partial: string,
  max = 25,
): Speaker[] {
  const q = foldPhrase(partial.slice(0, 100));
  const lookup = lookupOf(source);
  const rank = new Map(lookup.byCount.map((s, i) => [s, i]));
  if (!q) return lookup.byCount.slice(0, max);
  const prefix = uniqueSpeakers(
    lookup.keys
      .filter((k) => k.text.startsWith(q) || k.text.split(' ').some((w) => w.startsWith(q)))
      .map((k) => k.speaker),
  ).sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
  // Short fragments are still being typed: only prefixes count until there is enough to fuzz.
  if (prefix.length >= max || q.length < 4) return prefix.slice(0, max);
  const fuzzy = lookup.speakerSuggestFuse
    .search(q.replace(/[|'=!^$"]/g, ' '))
    .map((h) => h.item.speaker);
  return uniqueSpeakers([...prefix, ...fuzzy]).slice(0, max);
}

/** Meetings for autocomplete: title/date/participant prefix matches, then typo matches; newest first when empty. */
export function suggestMeetings(
  source: Corpus | LookupIndex,
  partial: string,
  max = 25,
): Meeting[] {
  const q = foldPhrase(partial.slice(0, 100));
  const lookup = lookupOf(source);
  if (!q) return lookup.byDate.slice(0, max);
  const docs = lookup.docs;
  const words = q.split(' ');
  const hay = (d: MeetingDoc) =>
    `${d.title} ${d.meeting.date ?? ''} ${(d.meeting.date ?? '').replace(/-/g, ' ')} ${d.people} ${d.file}`;
  const prefix = docs
    .filter((d) => {
      const h = hay(d).split(' ');
      return words.every((w) => h.some((x) => x.startsWith(w)));
    })
    .map((d) => d.meeting);
  if (prefix.length >= max) return sortByDate(prefix).slice(0, max);
  const fuzzy = lookup.meetingSuggestFuse.search(q).map((h) => h.item.meeting);
  return [...new Set([...sortByDate(prefix), ...fuzzy])].slice(0, max);
}
