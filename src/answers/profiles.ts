// Speaker profiles (/who) and meeting digests (/meeting): plain data built from the corpus alone,
// with corpus-wide statistics computed once (buildProfileStats) and passed in by the caller.
import { isBackchannel, spokenText } from '../corpus/text.js';
import { meetingTitle, plainText } from './format.js';
import type { Corpus, Meeting, Speaker, Statement, StatementKind } from '../corpus/types.js';
import { buildLookup, findMeetings, findSpeaker, type LookupIndex } from '../search/lookup.js';
import { listCandidateSentences, pickLead, summarizeSentences } from './summarize.js';
import {
  addTerms,
  countEnglishByStem,
  createTermCounts,
  extractTerms,
  loadEnglishFrequencies,
  visitTerms,
  rankDistinctiveTerms,
  tokenizeWords,
  type ScoredTerm,
  type StemMemo,
  type TermCounts,
} from './topics.js';
import { SLICE_MS, runAtOnce, runInSlices } from '../slices.js';
import type { Slices } from '../slices.js';

/** Corpus-wide statistics behind topics and representative quotes; build once per corpus. */
export interface ProfileStats {
  corpus: Corpus;
  /** Name and meeting lookups, built once (typed names resolve against these). */
  lookup: LookupIndex;
  /** Word → stem, complete for every word of every statement. */
  stems: StemMemo;
  /** Stem → the form the reports write most often ("relations", "Azerbaijan"). */
  surfaces: Map<string, string>;
  /** Distinct content stems of each statement. */
  statementStems: Map<Statement, string[]>;
  /** All statements together: the background that "distinctive" is measured against. */
  statementTerms: TermCounts;
  speakerTerms: Map<string, TermCounts>;
  statementsBySpeaker: Map<string, Statement[]>;
  /** Per speaker, aligned with `statementsBySpeaker`: what choosing representative quotes reads. */
  quoteInputs: Map<string, QuoteInputs>;
  /** Meetings each person speaks in or attends, in corpus order. */
  meetingsByPerson: Map<string, Meeting[]>;
  meetingById: Map<string, Meeting>;
  /** General-English frequency of each stem: the part of "distinctive" a small corpus cannot give. */
  english: TermCounts;
}

/** For each stem, the written form the reports use most ("relations", "Azerbaijan"). */
function pickSurfaces(surfaceCounts: Map<string, number>, stems: StemMemo): Map<string, string> {
  const best = new Map<string, { form: string; count: number }>();
  for (const [form, count] of surfaceCounts) {
    const stem = stems.get(form.toLowerCase());
    if (!stem) continue;
    const prev = best.get(stem);
    // Ties go to the lower-case form: a capital at a sentence start is not a proper noun.
    if (!prev || count > prev.count || (count === prev.count && form === form.toLowerCase())) {
      best.set(stem, { form, count });
    }
  }
  return new Map([...best].map(([stem, b]) => [stem, b.form]));
}

/** Statements with their distinct stems and how quotable each is on its own (0 = a pleasantry). */
interface QuoteInputs {
  statements: Statement[];
  stems: string[][];
  quality: number[];
}

function describeQuoteInputs(
  stats: Pick<ProfileStats, 'statementStems'>,
  all: Statement[],
): QuoteInputs {
  // Backchannel ("Yep.", "gm", "+1") is never a key quote, not even a speaker's only words.
  const statements = all.filter((s) => !isBackchannel(spokenText(s)));
  const stems = statements.map((s) => stats.statementStems.get(s) ?? []);
  return {
    statements,
    stems,
    quality: statements.map((s, i) => rateQuotable(s, stems[i]?.length ?? 0)),
  };
}

export function buildProfileStats(corpus: Corpus, lookup?: LookupIndex): ProfileStats {
  return runAtOnce(profileStatsSlices(corpus, lookup));
}

/**
 * `buildProfileStats` as work that pauses between pieces (`slices.ts`), for the live corpus.
 * `lookup`: the lookups the search index built for this corpus (the same; not built twice).
 */
export function* profileStatsSlices(corpus: Corpus, lookup?: LookupIndex): Slices<ProfileStats> {
  const stems: StemMemo = new Map();
  const surfaceCounts = new Map<string, number>();
  const statementStems = new Map<Statement, string[]>();
  const statementTerms = createTermCounts();
  const speakerTerms = new Map<string, TermCounts>();
  const statementsBySpeaker = new Map<string, Statement[]>();
  const all = statementTerms.counts;
  // The work per statement is a plain function (optimised as usual); the loop pauses now and then.
  const count = (statement: Statement): void => {
    let own: TermCounts | undefined;
    if (statement.speaker !== null) {
      own = speakerTerms.get(statement.speaker);
      if (!own) speakerTerms.set(statement.speaker, (own = createTermCounts()));
      let list = statementsBySpeaker.get(statement.speaker);
      if (!list) statementsBySpeaker.set(statement.speaker, (list = []));
      list.push(statement);
    }
    const seen = new Set<string>();
    const speakerCounts = own?.counts;
    let n = 0;
    visitTerms(statement.text, stems, (stem, surface) => {
      n++;
      seen.add(stem);
      all.set(stem, (all.get(stem) ?? 0) + 1);
      if (speakerCounts) speakerCounts.set(stem, (speakerCounts.get(stem) ?? 0) + 1);
      surfaceCounts.set(surface, (surfaceCounts.get(surface) ?? 0) + 1);
    });
    statementTerms.total += n;
    if (own) own.total += n;
    statementStems.set(statement, [...seen]);
  };
  for (const [i, statement] of corpus.statements.entries()) {
    count(statement);
    if (i % 128 === 127) yield;
  }
  const surfaces = pickSurfaces(surfaceCounts, stems);
  yield;
  const quoteInputs = new Map<string, QuoteInputs>();
  for (const [name, list] of statementsBySpeaker) {
    quoteInputs.set(name, describeQuoteInputs({ statementStems }, list));
    yield;
  }
  const meetingsByPerson = new Map<string, Meeting[]>();
  const meetingById = new Map<string, Meeting>();
  for (const meeting of corpus.meetings) {
    meetingById.set(meeting.id, meeting);
    for (const name of new Set([...meeting.speakers, ...meeting.present])) {
      let list = meetingsByPerson.get(name);
      if (!list) meetingsByPerson.set(name, (list = []));
      list.push(meeting);
    }
  }
  for (const list of meetingsByPerson.values()) {
    list.sort(compareMeetings);
    yield;
  }
  const frequencies = loadEnglishFrequencies();
  yield;
  const english = countEnglishByStem(frequencies, stems);
  yield;
  return {
    corpus,
    lookup: lookup?.corpus === corpus ? lookup : buildLookup(corpus),
    english,
    stems,
    surfaces,
    statementStems,
    statementTerms,
    speakerTerms,
    statementsBySpeaker,
    quoteInputs,
    meetingsByPerson,
    meetingById,
  };
}

/** Where the statistics are kept between questions: the AppContext (not imported: no cycle). */
export interface ProfileStatsHolder {
  corpus: Corpus;
  profileStats?: ProfileStats;
}

/** The context's profile statistics, built on first use and kept on the context (never in a module). */
export function getProfileStats(ctx: ProfileStatsHolder): ProfileStats {
  if (!ctx.profileStats || ctx.profileStats.corpus !== ctx.corpus)
    ctx.profileStats = buildProfileStats(ctx.corpus);
  return ctx.profileStats;
}

/** Builds in slices under way, by corpus: whoever needs the same statistics meanwhile waits for it. */
const building = new WeakMap<Corpus, Promise<ProfileStats | null>>();

/**
 * The context's profile statistics, built a slice of about `sliceMs` at a time when they are not
 * there yet (questions are answered between slices), and kept on the context. A build stops when
 * the context's corpus changes; whoever waits for it then gets the statistics built at once.
 * `lookup`: the name and meeting lookups of the index built for this corpus (not built twice).
 */
export async function profileStatsInSlices(
  ctx: ProfileStatsHolder,
  lookup?: LookupIndex,
  sliceMs = SLICE_MS,
): Promise<ProfileStats> {
  const corpus = ctx.corpus;
  if (ctx.profileStats?.corpus === corpus) return ctx.profileStats;
  let build = building.get(corpus);
  if (!build) {
    const work = profileStatsSlices(corpus, lookup?.corpus === corpus ? lookup : undefined);
    build = runInSlices(
      stopWhen(work, () => ctx.corpus !== corpus),
      sliceMs,
    );
    building.set(corpus, build);
    void build.finally(() => building.delete(corpus));
  }
  const stats = (await build) ?? buildProfileStats(corpus);
  if (ctx.corpus === corpus && ctx.profileStats?.corpus !== corpus) ctx.profileStats = stats;
  return stats;
}

/** The work, stopped (returning null) as soon as `stop()` says so between two pieces. */
function* stopWhen<T>(work: Slices<T>, stop: () => boolean): Slices<T | null> {
  for (;;) {
    if (stop()) return null;
    const step = work.next();
    if (step.done) return step.value;
    yield;
  }
}

/** Stats for this corpus: the given ones when they were built for it, else built now. */
function resolveStats(corpus: Corpus, stats: ProfileStats | undefined): ProfileStats {
  return stats && stats.corpus === corpus ? stats : buildProfileStats(corpus);
}

export interface MeetingRef {
  id: string;
  title: string | null;
  date: string | null;
  file: string;
  /** Source URL of the report, if it has one. */
  url: string | null;
}

export interface ProfileQuote {
  speaker: string | null;
  kind: StatementKind;
  text: string;
  meeting: MeetingRef;
  /** 1-based paragraph in the meeting's file. */
  paragraph: number;
  /** "HH:MM:SS" where the source times the statement. */
  time?: string;
  statementId: string;
}

export interface SpeakerProfile {
  name: string;
  role: string | null;
  /** Every role the reports give (today the corpus keeps one per person). */
  roles: string[];
  aliases: string[];
  /** Meetings spoken in or attended, oldest first. */
  meetings: (MeetingRef & { spoke: boolean })[];
  statements: number;
  /** Present in the reports but never quoted or paraphrased. */
  silent: boolean;
  topics: string[];
  quotes: ProfileQuote[];
}

export interface SpeakerLookup {
  query: string;
  profile: SpeakerProfile | null;
  /** Ambiguous: the people it could mean; unknown: the closest names. */
  candidates: Speaker[];
  /** Why there is no profile, in words for the user; null when there is one. */
  message: string | null;
}

export interface MeetingDigest extends MeetingRef {
  speakers: string[];
  present: string[];
  /** 3–5 sentences of the report, verbatim, in report order. */
  summary: string[];
  /** For each summary sentence, who says it when it is part of a transcript turn (else null). */
  summarySpeakers: (string | null)[];
  topics: string[];
  /** One key quote per speaker, in the order the speakers first speak. */
  quotes: ProfileQuote[];
  statements: number;
}

export interface MeetingLookup {
  query: string;
  digest: MeetingDigest | null;
  /** Other meetings the query matches (when ambiguous, all of them). */
  candidates: Meeting[];
  message: string | null;
}

export function describeMeeting(meeting: Pick<Meeting, 'title' | 'date' | 'id'>): string {
  return `${meeting.date ?? 'undated'} — ${plainText(meetingTitle(meeting))}`;
}

function toMeetingRef(meeting: Meeting): MeetingRef {
  return {
    id: meeting.id,
    title: meeting.title,
    date: meeting.date,
    file: meeting.file,
    url: meeting.source,
  };
}

function toQuote(statement: Statement, meeting: Meeting): ProfileQuote {
  return {
    speaker: statement.speaker,
    kind: statement.kind,
    text: spokenText(statement),
    meeting: toMeetingRef(meeting),
    paragraph: statement.paragraph,
    ...(statement.time ? { time: statement.time } : {}),
    statementId: statement.id,
  };
}

function compareMeetings(a: Meeting, b: Meeting): number {
  // Undated meetings go last; otherwise oldest first, then by file for a stable order.
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

const TOPIC_COUNT = 8;
const QUOTE_COUNT = 3;

function nameStems(stats: ProfileStats, names: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const name of names) for (const t of extractTerms(name, stats.stems)) out.add(t.stem);
  return out;
}

/** How many statements to scan for two-word topics ("Sri Lanka", "European Union"). */
const PHRASE_SCAN = 150;
/** …and how many to look at to find them (a prolific speaker has thousands). */
const PHRASE_LOOK = 2000;

/**
 * Topic labels, best first. Two top terms that the statements nearly always write side by side
 * ("Sri" + "Lanka") become one two-word topic, at the better term's place.
 */
function labelTopics(stats: ProfileStats, ranked: ScoredTerm[], statements: Statement[]): string[] {
  const top = ranked.slice(0, TOPIC_COUNT + 4);
  const rank = new Map(top.map((t, i) => [t.stem, i]));
  const single = new Map<string, number>();
  const pairs = new Map<string, { count: number; label: string; a: string; b: string }>();
  let scanned = 0;
  let looked = 0;
  for (const st of statements) {
    if (scanned >= PHRASE_SCAN || looked++ >= PHRASE_LOOK) break;
    let hits = 0;
    for (const x of stats.statementStems.get(st) ?? []) if (rank.has(x)) hits++;
    if (hits < 2) continue;
    scanned++;
    let prev: { stem: string; surface: string } | null = null;
    for (const m of st.text.matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)) {
      const stem = stats.stems.get(m[0].toLowerCase()) ?? '';
      if (!rank.has(stem)) {
        prev = null;
        continue;
      }
      single.set(stem, (single.get(stem) ?? 0) + 1);
      if (prev && prev.stem !== stem) {
        const key = `${prev.stem} ${stem}`;
        const entry = pairs.get(key) ?? {
          count: 0,
          label: `${prev.surface} ${m[0]}`,
          a: prev.stem,
          b: stem,
        };
        entry.count++;
        pairs.set(key, entry);
      }
      prev = { stem, surface: m[0] };
    }
  }
  const labels = new Map<string, string>();
  const absorbed = new Set<string>();
  for (const p of [...pairs.values()].sort((x, y) => y.count - x.count)) {
    if (absorbed.has(p.a) || absorbed.has(p.b) || p.count < 2) continue;
    const rarer = Math.min(single.get(p.a) ?? 0, single.get(p.b) ?? 0);
    if (p.count < 0.7 * rarer) continue;
    const [lead, other] = (rank.get(p.a) ?? 0) <= (rank.get(p.b) ?? 0) ? [p.a, p.b] : [p.b, p.a];
    labels.set(lead, p.label);
    absorbed.add(other);
    absorbed.add(lead);
  }
  const out: string[] = [];
  for (const t of top) {
    if (out.length >= TOPIC_COUNT) break;
    const label = labels.get(t.stem);
    if (label) out.push(label);
    else if (!absorbed.has(t.stem)) out.push(stats.surfaces.get(t.stem) ?? t.stem);
  }
  return out;
}

/** Readable quotes: not a one-liner ("Thank you."), not a wall of text. */
function lengthPreference(text: string): number {
  const n = text.length;
  if (n < 40) return 0.15;
  if (n < 80) return 0.6;
  if (n <= 450) return 1;
  if (n <= 800) return 0.75;
  return 0.5;
}

/** A quote needs this many distinct content words to say something. */
const MIN_QUOTE_STEMS = 3;

const KIND_PREFERENCE: Record<StatementKind, number> = { quote: 1, turn: 1, paraphrase: 0.7 };

/**
 * Statements that best represent a body of speech: those densest in its distinctive terms, of a
 * readable length, in their own words rather than paraphrased, and not repeating one another.
 */
function pickRepresentative(
  inputs: QuoteInputs,
  weights: Map<string, number>,
  count: number,
): Statement[] {
  // Only the best few dozen can be chosen; keeping just those (sorted) spares sorting thousands.
  const keep = Math.max(count * 20, 20);
  const scored: { s: Statement; uniq: string[]; score: number }[] = [];
  let fallback = -1;
  const { statements, stems, quality } = inputs;
  for (let i = 0; i < statements.length; i++) {
    const q = quality[i] ?? 0;
    if (q === 0) {
      if (fallback < 0) fallback = i;
      continue;
    }
    const uniq = stems[i] ?? [];
    let sum = 0;
    for (const t of uniq) sum += weights.get(t) ?? 0;
    const score = (sum / Math.sqrt(uniq.length + 1)) * q;
    const s = statements[i] as Statement;
    const last = scored[scored.length - 1];
    if (scored.length >= keep && last && !ranksBefore(score, s.id, last.score, last.s.id)) continue;
    let at = scored.length;
    while (at > 0) {
      const prev = scored[at - 1];
      if (!prev || !ranksBefore(score, s.id, prev.score, prev.s.id)) break;
      at--;
    }
    scored.splice(at, 0, { s, uniq, score });
    if (scored.length > keep) scored.pop();
  }
  // Pleasantries ("Thank you very much, Mr President.") represent nobody: show fewer quotes rather
  // than those (they were skipped above), unless the speaker said nothing else.
  const only = statements[fallback];
  const pool =
    scored.length > 0 || !only ? scored : [{ s: only, uniq: stems[fallback] ?? [], score: 0 }];
  const chosen: { s: Statement; uniq: Set<string> }[] = [];
  const manyMeetings = pool.length > count * 3;
  // Two passes: first insist on different meetings and distinct wording, then relax.
  for (const strict of [true, false]) {
    for (const cand of pool) {
      if (chosen.length >= count) break;
      if (chosen.some((c) => c.s === cand.s)) continue;
      if (strict && manyMeetings && chosen.some((c) => c.s.meetingId === cand.s.meetingId))
        continue;
      if (strict && chosen.some((c) => overlapShare(c.uniq, cand.uniq) > 0.5)) continue;
      chosen.push({ s: cand.s, uniq: new Set(cand.uniq) });
    }
  }
  return chosen.map((c) => c.s);
}

/** How quotable a statement is on its own: readable length, own words; 0 for a pleasantry. */
function rateQuotable(s: Statement, distinctStems: number): number {
  if (distinctStems < MIN_QUOTE_STEMS) return 0;
  return lengthPreference(s.text) * KIND_PREFERENCE[s.kind];
}

/** Higher score first; ties in corpus order, so the choice is deterministic. */
function ranksBefore(score: number, id: string, otherScore: number, otherId: string): boolean {
  return score > otherScore || (score === otherScore && id < otherId);
}

/** Jaccard overlap of a chosen statement's stems with a candidate's. */
function overlapShare(a: Set<string>, b: string[]): number {
  if (a.size === 0 || b.length === 0) return 0;
  let common = 0;
  for (const t of b) if (a.has(t)) common++;
  return common / (a.size + b.length - common);
}

function weightsFrom(ranked: ScoredTerm[]): Map<string, number> {
  const max = Math.max(...ranked.map((t) => t.score), 1e-9);
  return new Map(ranked.map((t) => [t.stem, Math.max(t.score, 0) / max + 0.1]));
}

/** The profile of one known person (speaker or silent participant). */
export function profileSpeaker(stats: ProfileStats, speaker: Speaker): SpeakerProfile {
  const statements = stats.statementsBySpeaker.get(speaker.name) ?? [];
  const meetings = [...(stats.meetingsByPerson.get(speaker.name) ?? [])];
  // A speaker can have statements in a meeting whose participant lists missed them; count those too.
  const listed = new Set(meetings);
  for (const s of statements) {
    const m = stats.meetingById.get(s.meetingId);
    if (m && !listed.has(m)) {
      listed.add(m);
      meetings.push(m);
    }
  }
  // Lists come sorted from the stats; only meetings a participant list missed need a re-sort.
  if (meetings.length > (stats.meetingsByPerson.get(speaker.name)?.length ?? 0)) {
    meetings.sort(compareMeetings);
  }
  // The meeting's speaker list says who spoke; the statements settle it when the list missed someone.
  const spoke = (m: Meeting) =>
    m.speakers.includes(speaker.name) || m.statements.some((s) => s.speaker === speaker.name);
  const counts = stats.speakerTerms.get(speaker.name) ?? createTermCounts();
  const exclude = nameStems(stats, [speaker.name, ...speaker.aliases]);
  const ranked = rankDistinctiveTerms(counts, stats.statementTerms, {
    limit: 40,
    minCount: counts.total >= 200 ? 2 : 1,
    exclude,
    english: stats.english,
  });
  const inputs = stats.quoteInputs.get(speaker.name) ?? describeQuoteInputs(stats, statements);
  const quotes = pickRepresentative(inputs, weightsFrom(ranked), QUOTE_COUNT).map((s) =>
    toQuote(s, stats.meetingById.get(s.meetingId) ?? placeholderMeeting(s.meetingId)),
  );
  return {
    name: speaker.name,
    role: speaker.role,
    roles: speaker.role ? [speaker.role] : [],
    aliases: speaker.aliases,
    meetings: meetings.map((m) => ({
      id: m.id,
      title: m.title,
      date: m.date,
      file: m.file,
      url: m.source,
      spoke: spoke(m),
    })),
    statements: statements.length,
    silent: statements.length === 0,
    topics: labelTopics(stats, ranked, statements),
    quotes,
  };
}

function placeholderMeeting(id: string): Meeting {
  return {
    id,
    file: id,
    title: null,
    date: null,
    source: null,
    speakers: [],
    present: [],
    statements: [],
    text: '',
  };
}

const GLUE = new Set(['the', 'of', 'a', 'an', 'and', 'mr', 'mrs', 'ms', 'dr']);

/** One typed word stands for another: equal, or one starts the other ("iranian" ~ "iran"). */
function sameWord(typed: string, word: string): boolean {
  if (typed === word) return true;
  const [short, long] = typed.length < word.length ? [typed, word] : [word, typed];
  return short.length >= 4 && long.startsWith(short) && long.length - short.length <= 3;
}

/**
 * Does every typed word fit this person's names, aliases or role? When two or more people fit, the
 * name is truly ambiguous ("which Aliyev?"); when none does, the candidates are only the closest
 * spellings of an unknown name.
 */
function fitsEveryWord(speaker: Speaker, query: string): boolean {
  const words = tokenizeWords(query).filter((w) => !GLUE.has(w));
  if (words.length === 0) return false;
  const hay = tokenizeWords([speaker.name, ...speaker.aliases, speaker.role ?? ''].join(' '));
  return words.every((w) => hay.some((h) => sameWord(w, h)));
}

/** /who: a fuzzy name, alias or role in; a profile, the candidates, or "no speaker named …" out. */
export function buildSpeakerProfile(
  corpus: Corpus,
  query: string,
  stats?: ProfileStats,
): SpeakerLookup {
  const q = query.trim().slice(0, 200);
  if (tokenizeWords(q).length === 0) {
    return {
      query,
      profile: null,
      candidates: [],
      message: 'Give a name, surname, alias or role, e.g. “aliyev” or “the leader”.',
    };
  }
  const found = findSpeaker(resolveStats(corpus, stats).lookup, q);
  if (found.speaker) {
    return {
      query,
      profile: profileSpeaker(resolveStats(corpus, stats), found.speaker),
      candidates: [],
      message: null,
    };
  }
  const candidates = found.candidates.slice(0, 10);
  const fitting = candidates.filter((c) => fitsEveryWord(c, q));
  if (fitting.length >= 2) {
    const names = fitting;
    return {
      query,
      profile: null,
      candidates: names,
      message: `“${q}” could be ${names.length} people: ${names.map((c) => c.name).join(', ')}. Try a fuller name.`,
    };
  }
  const closest = candidates.slice(0, 5);
  const hint = closest.length > 0 ? ` Closest: ${closest.map((c) => c.name).join(', ')}.` : '';
  return {
    query,
    profile: null,
    candidates: closest,
    message: `No speaker named “${q}” in the reports.${hint}`,
  };
}

function isDateQuery(q: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/u.test(q);
}

/** /meeting: a title, date, file or participant in; the best-matching meeting's digest out. */
export function buildMeetingDigest(
  corpus: Corpus,
  query: string,
  stats?: ProfileStats,
): MeetingLookup {
  const q = query.trim().slice(0, 200);
  if (q.length === 0 || tokenizeWords(q).length === 0) {
    return {
      query,
      digest: null,
      candidates: [],
      message: 'Give a meeting title, a date (YYYY-MM-DD) or a participant.',
    };
  }
  const exact =
    corpus.meetings.find((m) => m.id === q || m.file === q) ??
    // Autocomplete values are capped at 100 characters: a long id arrives cut short.
    (q.length === 100 ? corpus.meetings.find((m) => m.id.startsWith(q)) : undefined);
  if (exact)
    return {
      query,
      digest: digestMeeting(resolveStats(corpus, stats), exact),
      candidates: [],
      message: null,
    };
  if (isDateQuery(q)) {
    const onDate = corpus.meetings.filter((m) => m.date === q);
    if (onDate.length > 1) {
      return {
        query,
        digest: null,
        candidates: onDate,
        message: `${onDate.length} meetings on ${q}: pick one by title.`,
      };
    }
  }
  const matches = findMeetings(resolveStats(corpus, stats).lookup, q);
  const [best, ...rest] = matches;
  if (!best) return { query, digest: null, candidates: [], message: `No meeting matches “${q}”.` };
  return {
    query,
    digest: digestMeeting(resolveStats(corpus, stats), best),
    candidates: rest.slice(0, 5),
    message: null,
  };
}

/** The digest of one meeting. */
export function digestMeeting(stats: ProfileStats, meeting: Meeting): MeetingDigest {
  const sentences = summarizeSentences(meeting, {}, stats.stems);
  const counts = createTermCounts();
  for (const s of meeting.statements)
    addTerms(
      counts,
      stats.statementStems.get(s) ?? extractTerms(s.text, stats.stems).map((t) => t.stem),
    );
  const exclude = nameStems(stats, [...meeting.speakers, ...meeting.present]);
  let ranked = rankDistinctiveTerms(counts, stats.statementTerms, {
    limit: 40,
    exclude,
    english: stats.english,
  });
  if (ranked.length === 0) {
    // No statements (or none with content): fall back to the report's prose sentences.
    const prose = createTermCounts();
    for (const c of listCandidateSentences(meeting, stats.stems)) addTerms(prose, c.stems);
    ranked = rankDistinctiveTerms(prose, prose, { limit: 40, exclude, english: stats.english });
  }
  const weights = weightsFrom(ranked);
  const quotes: ProfileQuote[] = [];
  // A reporter's question ("Q") or a moderator's cue is nobody's key quote.
  const generic = new Set(stats.corpus.speakers.filter((s) => s.generic).map((s) => s.name));
  for (const name of meeting.speakers) {
    if (generic.has(name)) continue;
    const own = meeting.statements.filter((s) => s.speaker === name);
    const [best] = pickRepresentative(describeQuoteInputs(stats, own), weights, 1);
    if (best) quotes.push(toQuote(best, meeting));
  }
  return {
    ...toMeetingRef(meeting),
    speakers: meeting.speakers,
    present: meeting.present,
    summary: sentences.map((s) => s.text),
    summarySpeakers: sentences.map((s) => (s.kind === 'turn' ? s.speaker : null)),
    topics: labelTopics(stats, ranked, meeting.statements),
    quotes,
    statements: meeting.statements.length,
  };
}

/** 3–5 sentences of the report, verbatim: the lead plus the most central statements. */
export function summarizeMeeting(meeting: Meeting): string[] {
  return summarizeSentences(meeting).map((s) => s.text);
}

/** One verbatim sentence saying what the meeting was (for /ask answers), or null if the report has none. */
export function meetingOneLine(meeting: Meeting): string | null {
  return pickLead(meeting, listCandidateSentences(meeting))?.text ?? null;
}
