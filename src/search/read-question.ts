// Question reading: who (names, roles, typos of names, unknown people), when (years) and what
// (topic words, as concepts) a question is about.
import type { SearchIndex, IndexData } from './index-data.js';
import { askedAnswerType, type AnswerType } from './answer-type.js';
import { buildConcepts, termOf, typoTerms, type Concept } from './expand.js';
import { roleWords, sameRoleWord } from './lookup.js';
import {
  HONORIFICS,
  editDistance,
  expandAbbreviations,
  tokenizeRaw,
  type RawToken,
} from './normalize.js';
import { QUESTION_WORDS, SPEECH_VERBS, STOPWORDS } from './stopwords.js';

export const MAX_QUESTION_LENGTH = 300;
/** Longest word of a question that is read; a longer unbroken word is cut (no index word is longer). */
export const MAX_WORD_LENGTH = 40;
// Words in a question short enough that a leading unknown word stands in a speaker's place.
const SHORT_QUERY = 4;
// Statements from a meeting the question names ("… with azerbaijan") rank higher; a word names
// meetings when at most this share of them have it in their title or participants' roles.
const MENTION_SHARE = 0.34;

export interface Reading {
  speakers: Set<number>;
  unknownSpeakers: string[];
  /** Meetings the question names by a title word or a participant's country or office: the share
   * of the naming words that name each. */
  meetings: Map<number, number>;
  /** A leading word that may be a person the reports do not know ("putin olympics"). */
  headName: string | null;
  years: Set<string>;
  /** "When did …", "what time …": the question asks when something was said. */
  asksWhen: boolean;
  /** "How often …", "how many …": what an answer gives besides the topic (search/answer-type.ts). */
  answerType: AnswerType | null;
  /** The question asks what someone said ("what did X say", "did X mention"), not only about X. */
  asksWords: boolean;
  /** The question asks who asked what ("did the chairman ask about …", "who asked whether …"):
   * question turns are the answer, not the replies to them. */
  asksQuestions: boolean;
  concepts: Concept[];
}

/** Normalises a question: control characters out, cut at MAX_QUESTION_LENGTH (on a space). */
export function cleanQuestion(question: string): {
  text: string;
  /** The question was longer than MAX_QUESTION_LENGTH and was cut. */
  truncated: boolean;
  /** No letter or digit: nothing to search for. */
  empty: boolean;
} {
  const raw = typeof question === 'string' ? question : '';
  // Compatibility forms ("ﬃ", "ǅ") expand here, so the cut below counts what is searched.
  let text = raw
    .normalize('NFKC')
    .replace(/\p{Cc}/gu, ' ')
    .trim();
  let truncated = false;
  if (text.length > MAX_QUESTION_LENGTH) {
    const cut = text.slice(0, MAX_QUESTION_LENGTH);
    const space = cut.lastIndexOf(' ');
    text = space > MAX_QUESTION_LENGTH * 0.6 ? cut.slice(0, space) : cut;
    truncated = true;
  }
  return { text, truncated, empty: !/[\p{L}\p{N}]/u.test(text) };
}

/** Each word cut at MAX_WORD_LENGTH, so one long unbroken word costs no more than a short one. */
function capWords(tokens: RawToken[]): RawToken[] {
  for (const t of tokens) {
    if (t.word.length > MAX_WORD_LENGTH) t.word = t.word.slice(0, MAX_WORD_LENGTH);
    if (t.raw.length > MAX_WORD_LENGTH) t.raw = t.raw.slice(0, MAX_WORD_LENGTH);
  }
  return tokens;
}

const titleCase = (s: string) => s.replace(/\b\p{L}/gu, (c) => c.toUpperCase());

/** Reads who, when and what a question is about. */
export function readQuestion(
  index: SearchIndex,
  text: string,
  stemOf: (w: string) => string,
): Reading {
  const d = index.data;
  const tokens: RawToken[] = capWords(tokenizeRaw(expandAbbreviations(text)));
  // "the us" typed in lower case is the country.
  tokens.forEach((t, i) => {
    if (t.word === 'us' && tokens[i - 1]?.word === 'the') t.word = 'usa';
  });
  const used = new Array<boolean>(tokens.length).fill(false);
  const speakers = new Set<number>();
  /** Where each speaker named by name starts in the question. */
  const namedAt = new Map<number, number>();

  // 1. Names and aliases, exactly.
  tokens.forEach((t, i) => {
    const list = d.nameTokens.get(t.word);
    if (!list) return;
    // A name that is also a common word ("may", "bell") counts only with support: capitalised
    // mid-question, or next to an honorific or another word of the same name.
    if (STOPWORDS.has(t.word) || QUESTION_WORDS.has(t.word) || d.surfaces.has(t.word)) {
      const neighbours = [tokens[i - 1]?.word, tokens[i + 1]?.word];
      const before = tokens[i - 1]?.word ?? '';
      const supported =
        neighbours.some(
          (w) =>
            w !== undefined &&
            (HONORIFICS.has(w) || (d.nameTokens.get(w) ?? []).some((s) => list.includes(s))),
        ) ||
        (i > 0 && /^\p{Lu}/u.test(t.raw) && t.raw !== t.raw.toUpperCase()) ||
        // After a word the reports never use: a first name ("theresa may").
        (before.length >= 3 &&
          /^\p{L}+$/u.test(before) &&
          !d.surfaces.has(before) &&
          !STOPWORDS.has(before));
      // Question phrasing ("meeting", "say") is a name only with support, like a function word.
      if (!supported && (STOPWORDS.has(t.word) || QUESTION_WORDS.has(t.word))) return;
      if (!supported && !isNameHeavy(d, t.word)) return;
    }
    // Several people share the word: keep those another typed word also names.
    let chosen = list;
    if (list.length > 1) {
      const narrowed = list.filter((s) =>
        tokens.some((o, j) => j !== i && (d.nameTokens.get(o.word) ?? []).includes(s)),
      );
      if (narrowed.length > 0) chosen = narrowed;
    }
    for (const s of chosen) {
      speakers.add(s);
      if (!namedAt.has(s)) namedAt.set(s, i);
    }
    used[i] = true;
    // Honorifics right before a name belong to it ("President Putin"), and so does a first name
    // the reports never use ("donald trump").
    let j = i - 1;
    const prev = tokens[j]?.word ?? '';
    if (
      prev.length >= 3 &&
      /^\p{L}+$/u.test(prev) &&
      !d.surfaces.has(prev) &&
      !STOPWORDS.has(prev) &&
      !QUESTION_WORDS.has(prev)
    ) {
      used[j] = true;
      j--;
    }
    for (; j >= 0 && HONORIFICS.has(tokens[j]?.word ?? ''); j--) used[j] = true;
  });

  // 1b. "did khamenei mention israel when he MET ALIYEV": the second person is who the first met,
  // so the question is about the meeting they share, not about that person's words.
  const partners = [...findPartners(tokens, namedAt)];
  for (const s of partners) speakers.delete(s);

  // 2. Roles ("the leader", "sri lankan president", "iraqi pm"). One named after a speaker and a
  // partner word ("did khamenei tell the iraqi pm") is the one spoken to: it names the meeting.
  for (const { speaker, at } of findRoleMentions(d, tokens, used)) {
    if (isPartnerAt(tokens, at, namedAt)) partners.push(speaker);
    else speakers.add(speaker);
  }
  // 2a. An office in a speaker's place by a word the dictionary puts above its title ("what did
  // the fed's lawyer say": a General Counsel is a lawyer).
  findRoleKinds(index, tokens, used, speakers);

  // 2b. The press ("what did the reporters ask"): the generic question speaker ("Q").
  if (d.pressSpeakers.length > 0) {
    tokens.forEach((t, i) => {
      if (used[i] || !PRESS_WORDS.has(t.word)) return;
      for (const s of d.pressSpeakers) speakers.add(s);
      used[i] = true;
    });
  }

  // 3. Names with a typo: fuse.js over the identifying name words.
  tokens.forEach((t, i) => {
    if (used[i] || t.word.length < 4 || STOPWORDS.has(t.word) || QUESTION_WORDS.has(t.word)) return;
    if (d.surfaces.has(t.word) || !/^\p{L}+$/u.test(t.word)) return;
    // An everyday word ("lawyer") is not a misspelt name ("LaWare"), except in a speaker's place
    // ("what did angel say": who said it is asked, and the reports have an Angell).
    const everyday = isOrdinaryWord(d, t.word) || (d.lexicon?.related(t.word).length ?? 0) > 0;
    if (everyday && !inSpeakerSlot(tokens, i)) return;
    const hit = d.nameFuse.search(t.word.replace(/[|'=!^$"]/g, ''), { limit: 3 })[0];
    if (!hit || (hit.score ?? 1) > 0.4) return;
    // Two typos only in a long word of about the name's length ("barosso"), not "putting"/"putin".
    const budget = t.word.length >= 6 && Math.abs(t.word.length - hit.item.length) <= 1 ? 2 : 1;
    if (editDistance(t.word, hit.item, budget) > budget) return;
    for (const s of d.nameTokens.get(hit.item) ?? []) speakers.add(s);
    used[i] = true;
  });

  // 4. Names nobody in the reports has, in a speaker's place ("what did macron say").
  const unknownSpeakers = findUnknownSpeakers(d, tokens, used);

  // 5. Years ("in 2017") that some meeting has become a filter.
  const years = new Set<string>();
  const meetingYears = new Set(
    index.corpus.meetings.map((m) => m.date?.slice(0, 4)).filter(Boolean),
  );
  tokens.forEach((t, i) => {
    if (!used[i] && /^(19|20)\d\d$/.test(t.word) && meetingYears.has(t.word)) {
      years.add(t.word);
      used[i] = true;
      // "in March 2017", "march 5 2017": the month and day belong to the date.
      for (let j = i - 1; j >= 0 && j >= i - 2; j--) {
        const w = tokens[j]?.word ?? '';
        if (MONTH_WORDS.has(w) || /^\d{1,2}(st|nd|rd|th)?$/.test(w)) used[j] = true;
        else break;
      }
    }
  });

  // 6. Topic words: the rest, minus function words, question phrasing and the answer type
  // ("often" in "how often": what the answer says, not what it is about).
  const asked = askedAnswerType(tokens.map((t) => t.word));
  if (asked) used[asked.at] = true;
  const content: { word: string; pos: number }[] = [];
  tokens.forEach((t, i) => {
    if (
      used[i] ||
      STOPWORDS.has(t.word) ||
      QUESTION_WORDS.has(t.word) ||
      HONORIFICS_ONLY.has(t.word)
    )
      return;
    content.push({ word: t.word, pos: i });
  });
  const concepts = buildConcepts(d, content, stemOf);
  const headName =
    speakers.size === 0 && unknownSpeakers.length === 0 ? findHeadName(d, tokens, used) : null;
  const first = tokens[0]?.word;
  const asksWhen =
    first === 'when' ||
    ((first === 'what' || first === 'at') && tokens.some((t) => t.word === 'time'));
  const meetings = findMentionedMeetings(index, content, concepts, stemOf, speakers);
  for (const mi of partnerMeetings(index, partners)) meetings.set(mi, 1);
  const asksWords = tokens.some(
    (t) => SPEECH_VERBS.has(t.word) || QUESTION_WORDS.has(t.word) || SPEECH_ACT.test(t.word),
  );
  const asksQuestions = tokens.some(
    (t, i) =>
      ASKING_WORDS.has(t.word) &&
      (ASKED_ABOUT.has(tokens[i + 1]?.word ?? '') || tokens[i - 1]?.word === 'who'),
  );
  return {
    asksWords,
    asksQuestions,
    asksWhen,
    answerType: asked?.type ?? null,
    speakers,
    unknownSpeakers,
    meetings,
    headName,
    years,
    concepts,
  };
}

const MONTH_WORDS = new Set(
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  ),
);

/** Verbs of asking; with ASKED_ABOUT after them (or "who" before) the question is about asking. */
const ASKING_WORDS = new Set([
  'ask',
  'asks',
  'asked',
  'asking',
  'inquire',
  'inquired',
  'query',
  'queried',
]);
const ASKED_ABOUT = new Set(['about', 'whether', 'if', 'why', 'how', 'when', 'what', 'who']);

/** Words that put a person in the listener's place: "met X", "with X", "told X", "to X". */
const PARTNER_WORDS = new Set(['met', 'meet', 'meeting', 'with', 'told', 'tell', 'to', 'asked']);

/**
 * Speakers named after another speaker and right after a partner word ("when he met aliyev",
 * "with the chinese president"): the one spoken to, who names the meeting.
 */
function findPartners(tokens: RawToken[], namedAt: Map<number, number>): number[] {
  if (namedAt.size < 2) return [];
  const first = Math.min(...namedAt.values());
  const out: number[] = [];
  for (const [s, at] of namedAt) {
    if (at === first) continue;
    let j = at - 1;
    while (j > first && (HONORIFICS.has(tokens[j]?.word ?? '') || tokens[j]?.word === 'the')) j--;
    if (j > first && PARTNER_WORDS.has(tokens[j]?.word ?? '')) out.push(s);
  }
  // Everyone named at the first place stays a speaker asked about.
  return out.length < namedAt.size ? out : [];
}

/** Meetings in which any of these people speak or are present. */
function partnerMeetings(index: SearchIndex, partners: number[]): number[] {
  return [...new Set(partners.flatMap((s) => index.data.speakerMeetings[s] ?? []))];
}

/** Verbs of speech acts beyond "say" ("thanked", "joked", "urged"): the question is about words. */
const SPEECH_ACT =
  /^(thank|joke|joking|urg|insist|admit|deni|deny|propos|agree|disagre|want|complain|prais|critici|object|respond|repl|answer|warn|promis|recommend|suggest|argu|mention|raise|rais|question|ask|announc|call|plead|stress|emphasi|note|noting|add|concede|acknowledg|wonder|doubt|hope|wish|explain|describ|declar|assur|confirm|claim)/;

/** Offices a question may name a speaker by ("the french president", "china's ambassador"). */
const OFFICE_WORDS = new Set(
  'president premier chancellor minister ambassador secretary senator governor mayor councillor councilor chairman speaker leader judge justice commissioner king queen prince emir envoy spokesman spokeswoman spokesperson'.split(
    ' ',
  ),
);

/** Words for the people who ask the questions at a briefing or a hearing from the floor. */
const PRESS_WORDS = new Set([
  'reporter',
  'reporters',
  'journalist',
  'journalists',
  'press',
  'questioner',
  'questioners',
]);

/** Honorific words that mean nothing alone in a question ("mr", "sir"); office words stay topics. */
const HONORIFICS_ONLY = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'sir',
  'dame',
  'hon',
  'excellency',
]);

/** A name word that is also an ordinary word counts when it is mostly used as a name. */
function isNameHeavy(d: IndexData, word: string): boolean {
  const id = d.surfaces.get(word);
  if (id === undefined) return true;
  // Rarely said inside statements (it is in narration, lead-ins, titles: "Vladimir Putin
  // received…"), or said by nobody as an ordinary word: then it is the name.
  const said = d.textDf[id] ?? 0;
  const n = d.docSpeaker.length;
  if (said <= Math.max(2, n / 1000) || d.lexicon?.related(word).length === 0) return true;
  // Said more often around statements (titles, roles, lead-ins) than in them: a name, unless the
  // dictionary knows it as an everyday word ("city", "council" fill titles and roles too).
  return said * 2 < (d.df[id] ?? 0) && !isOrdinaryWord(d, word);
}

/** WordNet knows the word as a verb, adjective or adverb, or as a noun of several senses. */
function isOrdinaryWord(d: IndexData, word: string): boolean {
  const u = d.lexicon?.usage(word);
  return !!u && (u.verb > 0 || u.adj > 0 || u.adv > 0 || u.noun > 2);
}

/** Is the typed word (or its demonym stem) a word of some speaker's role? A few set lookups. */
function isRoleWord(d: IndexData, w: string): boolean {
  if (w === 'pm') return d.roleVocab.has('prime');
  if (d.roleVocab.has(w)) return true;
  for (let cut = 1; cut <= 3 && w.length - cut >= 4; cut++) {
    if (d.roleVocab.has(w.slice(0, -cut))) return true;
  }
  return w.length >= 4 && (d.rolePrefixes.get(w.slice(0, 4)) ?? []).some((r) => sameRoleWord(w, r));
}

function findRoleMentions(
  d: IndexData,
  tokens: RawToken[],
  used: boolean[],
): { speaker: number; at: number }[] {
  const found: { speaker: number; at: number }[] = [];
  const matchesRoleWord = (typed: string, role: string[]) =>
    typed === 'pm' ? role.includes('prime') : role.some((r) => sameRoleWord(typed, r));
  let i = 0;
  while (i < tokens.length) {
    // A run of words that are each in some role phrase, with glue allowed inside.
    let j = i;
    const run: number[] = [];
    while (j < tokens.length) {
      const w = tokens[j]?.word ?? '';
      if (used[j]) break;
      if ((w === 'of' || w === 'the' || w === 's') && run.length > 0) {
        j++;
        continue;
      }
      if (!isRoleWord(d, w)) break;
      run.push(j);
      j++;
    }
    if (run.length === 0) {
      i++;
      continue;
    }
    const words = run.map((k) => tokens[k]?.word ?? '');
    if (words.some((w) => HONORIFICS.has(w) || isCompoundOffice(w))) {
      let best = 0;
      let who: number[] = [];
      d.roles.forEach((phrases, s) => {
        for (const p of phrases) {
          const hits = words.filter((w) => matchesRoleWord(w, p)).length;
          // Every typed word must fit the phrase: "iranian president" is not "president of russia".
          if (hits !== words.length) continue;
          if (hits > best) {
            best = hits;
            who = [s];
          } else if (hits === best && !who.includes(s)) who.push(s);
        }
      });
      if (who.length === 1 && who[0] !== undefined) {
        found.push({ speaker: who[0], at: run[0] ?? i });
        for (const k of run) used[k] = true;
      }
    }
    i = Math.max(j, i + 1);
  }
  return found;
}

/** Someone was named before `at`, and a partner word ("tell", "met", "with") leads to `at`. */
function isPartnerAt(tokens: RawToken[], at: number, namedAt: Map<number, number>): boolean {
  if (namedAt.size === 0) return false;
  const first = Math.min(...namedAt.values());
  let j = at - 1;
  while (j > first && (HONORIFICS.has(tokens[j]?.word ?? '') || tokens[j]?.word === 'the')) j--;
  return j > first && PARTNER_WORDS.has(tokens[j]?.word ?? '');
}

const roleKindCache = new WeakMap<IndexData, Map<string, number[]>>();
const titleWordCache = new WeakMap<IndexData, Set<string>>();

/** Every word of every speaker's title ("court", "appointed", "amicus"). Built on first use. */
function titleWords(index: SearchIndex): Set<string> {
  const known = titleWordCache.get(index.data);
  if (known) return known;
  const out = new Set(index.corpus.speakers.flatMap((s) => roleWords(s.role ?? '')));
  titleWordCache.set(index.data, out);
  return out;
}

/**
 * Words the dictionary puts above or beside a word of a speaker's title → those speakers:
 * "lawyer" → the General Counsel ("counsel" is a kind of lawyer). Built on first use.
 */
function roleKinds(index: SearchIndex): Map<string, number[]> {
  const d = index.data;
  const known = roleKindCache.get(d);
  if (known) return known;
  const out = new Map<string, number[]>();
  // Offices with a title word ("General Counsel"), as role mentions are read.
  d.roles.forEach((phrases, s) => {
    for (const w of new Set(phrases.flat())) {
      if (HONORIFICS.has(w) || STOPWORDS.has(w)) continue;
      for (const r of d.lexicon?.related(w) ?? []) {
        const k = r.words.length === 1 ? r.words[0] : undefined;
        if (!k) continue;
        const list = out.get(k) ?? [];
        if (!list.includes(s)) list.push(s);
        out.set(k, list);
      }
    }
  });
  roleKindCache.set(d, out);
  return out;
}

/** A word in a speaker's place that names exactly one speaker's kind of office. */
function findRoleKinds(
  index: SearchIndex,
  tokens: RawToken[],
  used: boolean[],
  speakers: Set<number>,
) {
  tokens.forEach((t, i) => {
    if (used[i] || STOPWORDS.has(t.word) || QUESTION_WORDS.has(t.word)) return;
    if (!SPEECH_VERBS.has(tokens[i + 1]?.word ?? '') && !afterAccordingTo(tokens, i)) return;
    const kinds = roleKinds(index);
    const who =
      kinds.get(t.word) ?? (t.word.endsWith('s') ? kinds.get(t.word.slice(0, -1)) : undefined);
    const s = who?.length === 1 ? who[0] : undefined;
    if (s === undefined) return;
    // Words before it that are some title's words must be this one's ("the court-appointed
    // lawyer" is not the General Counsel); others ("the fed's") qualify nothing of a title.
    const title = roleWords(index.corpus.speakers[s]?.role ?? '');
    for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
      const w = tokens[j]?.word ?? '';
      if (w === 'the' || w === 'to' || AUXILIARIES.has(w)) break;
      if (titleWords(index).has(w) && !title.some((r) => sameRoleWord(w, r))) return;
    }
    speakers.add(s);
    used[i] = true;
  });
}

/** "according to the court-appointed lawyer": the word ends a short phrase after "according to". */
function afterAccordingTo(tokens: RawToken[], i: number): boolean {
  if (i + 1 < tokens.length) return false;
  for (let j = i - 1; j >= 1 && j >= i - 4; j--) {
    if (tokens[j]?.word === 'to' && tokens[j - 1]?.word === 'according') return true;
  }
  return false;
}

/** An office typed as one word ("undersecretary", "vicepresident"): ends in an office word. */
function isCompoundOffice(w: string): boolean {
  for (let cut = 3; cut <= w.length - 5; cut++) if (HONORIFICS.has(w.slice(cut))) return true;
  return false;
}

const AUXILIARIES = new Set([
  'did',
  'does',
  'do',
  'has',
  'have',
  'had',
  'would',
  'will',
  'can',
  'could',
]);

/**
 * The word stands where a speaker goes: "did X say|mention|…" (an honorific may come between),
 * "according to X". The word is then a name the question asks about, not a topic.
 */
function inSpeakerSlot(tokens: RawToken[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && HONORIFICS_ONLY.has(tokens[j]?.word ?? '')) j--;
  const before = tokens[j]?.word ?? '';
  if (before === 'to' && tokens[j - 1]?.word === 'according') return true;
  return AUXILIARIES.has(before) && SPEECH_VERBS.has(tokens[i + 1]?.word ?? '');
}

function findUnknownSpeakers(d: IndexData, tokens: RawToken[], used: boolean[]): string[] {
  const out: string[] = [];
  // A plural the dictionary knows ("officials", "europeans") is a group, not a person's name.
  const isGroup = (w: string) =>
    w.endsWith('s') && (d.lexicon?.related(w.slice(0, -1)).length ?? 0) > 0;
  const isCandidate = (k: number) => {
    const t = tokens[k];
    return (
      t !== undefined &&
      !isGroup(t.word) &&
      !used[k] &&
      /^\p{L}{3,}$/u.test(t.word) &&
      !STOPWORDS.has(t.word) &&
      !QUESTION_WORDS.has(t.word) &&
      !HONORIFICS.has(t.word) &&
      !d.surfaces.has(t.word)
    );
  };
  const report = (from: number, to: number) => {
    const name = titleCase(
      tokens
        .slice(from, to)
        .map((t) => t.raw)
        .join(' '),
    );
    if (!out.includes(name)) out.push(name);
    for (let k = from; k < to; k++) used[k] = true;
  };
  // "what did china's ambassador say": an office with a qualifier in a speaker's place, that no
  // speaker of the reports holds, is somebody the reports do not quote.
  const reportUnheldOffice = (from: number) => {
    let j = from;
    while (j < tokens.length && tokens[j]?.word === 'the') j++;
    const start = j;
    while (
      j < tokens.length &&
      j - start < 4 &&
      !used[j] &&
      !SPEECH_VERBS.has(tokens[j]?.word ?? '') &&
      !STOPWORDS.has(tokens[j]?.word ?? '')
    )
      j++;
    if (j - start < 2 || !SPEECH_VERBS.has(tokens[j]?.word ?? '')) return;
    const words = tokens.slice(start, j).map((t) => t.word);
    const office = words.find((w) => OFFICE_WORDS.has(w));
    if (office && !isRoleWord(d, office)) report(start, j);
  };
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]?.word ?? '';
    // "did/does/has/what did X (Y) say|mention|…", "X said …"
    if (AUXILIARIES.has(w)) {
      let j = i + 1;
      while (j < tokens.length && HONORIFICS.has(tokens[j]?.word ?? '')) j++;
      const start = j;
      while (j < tokens.length && j - start < 3 && isCandidate(j)) j++;
      if (j > start && SPEECH_VERBS.has(tokens[j]?.word ?? '')) report(start, j);
      else reportUnheldOffice(i + 1);
    }
    // "according to X"
    if (w === 'according' && tokens[i + 1]?.word === 'to') {
      let j = i + 2;
      while (j < tokens.length && HONORIFICS.has(tokens[j]?.word ?? '')) j++;
      const start = j;
      while (j < tokens.length && j - start < 3 && isCandidate(j)) j++;
      if (j > start) report(start, j);
    }
  }
  // "X said", "X's view on", "X on Y" at the start: a leading unknown name.
  let j = 0;
  while (j < tokens.length && HONORIFICS.has(tokens[j]?.word ?? '')) j++;
  const start = j;
  while (j < tokens.length && j - start < 3 && isCandidate(j)) j++;
  const next = tokens[j]?.word ?? '';
  if (j > start && (SPEECH_VERBS.has(next) || next === 'on' || next === 'about')) report(start, j);
  return out;
}

/**
 * Meetings a topic word names ("trade with azerbaijan"): only a word that picks out a few meetings
 * counts, so a word in every title ("meeting", "talks") names none.
 */
function findMentionedMeetings(
  index: SearchIndex,
  content: { word: string }[],
  concepts: Concept[],
  stemOf: (w: string) => string,
  speakers: Set<number>,
): Map<number, number> {
  const d = index.data;
  const total = index.corpus.meetings.length;
  const named: number[][] = [];
  const askedMeetings =
    speakers.size > 0 ? new Set([...speakers].flatMap((s) => d.speakerMeetings[s] ?? [])) : null;
  for (const { word } of content) {
    const id = termOf(d, word, stemOf);
    const list = id === undefined ? undefined : d.meetingKeys.get(id);
    if (!list || list.length >= total || list.length > Math.max(1, total * MENTION_SHARE)) continue;
    // A name, not an ordinary word that is also in a name ("port", "united"): WordNet knows it
    // as a noun only, or not at all.
    const u = d.lexicon?.usage(word);
    if (u && (u.verb > 0 || u.adj > 0 || u.adv > 0)) continue;
    // Asked about someone, a word naming none of their meetings is a topic ("what did angell say
    // about the minutes", where other meetings' titles say "Minutes").
    if (askedMeetings && !list.some((mi) => askedMeetings.has(mi))) continue;
    named.push(list);
    const concept = concepts.find((c) => c.label === stemOf(word));
    // Only beside other topic words: alone, the word is the topic itself.
    if (concept && concepts.length > 1) concept.meetings = new Set(list);
  }
  const out = new Map<number, number>();
  for (const list of named)
    for (const mi of list) out.set(mi, (out.get(mi) ?? 0) + 1 / named.length);
  return out;
}

/**
 * In a short query whose other words are topics ("putin olympics"), a first word that is neither
 * in the reports (nor a typo of one of their words) nor ordinary English is most likely a person.
 */
function findHeadName(d: IndexData, tokens: RawToken[], used: boolean[]): string | null {
  let i = 0;
  while (i < tokens.length && HONORIFICS.has(tokens[i]?.word ?? '')) i++;
  const t = tokens[i];
  const rest = tokens
    .slice(i + 1)
    .filter((o) => !STOPWORDS.has(o.word) && !QUESTION_WORDS.has(o.word));
  if (!t || used[i] || tokens.length > SHORT_QUERY || rest.length === 0) return null;
  const w = t.word;
  if (!/^\p{L}{3,}$/u.test(w) || STOPWORDS.has(w) || QUESTION_WORDS.has(w)) return null;
  if (d.surfaces.has(w) || d.english.counts.has(w) || typoTerms(d, w).length > 0) return null;
  // WordNet knows some people ("Putin") as a noun of a sense or two; any other use is a word.
  const u = d.lexicon?.usage(w);
  if (u && (u.verb > 0 || u.adj > 0 || u.adv > 0 || u.noun > 2)) return null;
  return titleCase(t.raw);
}
