// Scoring: walks the posting lists of a question's concepts (rarest first), sums BM25F impacts,
// keeps what passes the honesty gate, and returns the best few in order.
import { answersAsWell, coverageNeeded, LEAST_COVERAGE, type Voice } from './gate.js';
import { isBackchannel, spokenText } from '../corpus/text.js';
import { NARRATION, indexWords, type SearchIndex } from './index-data.js';
import type { Reading } from './read-question.js';
import { overBudget } from './budget.js';
import { identifyingWords } from './lookup.js';
import { termOf } from './expand.js';
import { statementAnswers } from './answer-type.js';

// Statements from the meeting that best matches the whole question rank a little higher.
const MEETING_BOOST = 0.3;
const MENTION_BOOST = 1;
// A word only in a statement's context, its meeting's title or its speaker's role covers this
// share of a concept: the statement's own words must answer.
const FIELD_COVER = 0.5;
// A reply takes this share of the score of the question turn it answers; the question turn, once
// answered, keeps this share of its own.
const REPLY_FACTOR = 0.95;
const QUESTION_FACTOR = 0.6;
// Short follow-up questions of the same asker whose replies take a share of the first question's
// match (each hop this share of the last, unless the follow-up has a word of the question), and
// how short a follow-up is.
const FOLLOW_UPS = 2;
const FOLLOW_UP_FACTOR = 0.7;
// stamp[] of a statement some concept found, between scoring and lending (never a concept's index).
const TOUCHED = -2;
const FOLLOW_UP_WORDS = 12;
// A generic speaker's turn (a reporter's "Q") counts this much unless the question asks for it.
const GENERIC_FACTOR = 0.5;
// "When did X talk about Y": a statement with the time it was said answers the "when".
const WHEN_TIMED_BOOST = 1.3;
// "How often …" / "how many …": a statement that gives a frequency / an amount gains coverage as
// if it matched one more average topic word, and ranks this much higher; one that gives none keeps
// the coverage its topic words give (the kind of answer only adds: it never hides an answer).
const ANSWER_TYPE_BOOST = 1.3;

export interface Ranked {
  doc: number;
  score: number;
  /** By a speaker the question names. */
  asked: boolean;
  /** Share of the question's topic weight the statement covers. */
  coverage: number;
  /** False when only the question it replies to matched (see gate.ts `ownWords`). */
  ownWords?: boolean;
}

/** Orders results: the speaker asked about first; then by score; then report order. */
function compareRanked(a: Ranked, b: Ranked): number {
  return Number(b.asked) - Number(a.asked) || b.score - a.score || a.doc - b.doc;
}

/** The best `k` of a list, ordered (a bounded insertion keeps long result lists cheap). */
function topK(list: Ranked[], k: number): Ranked[] {
  if (list.length <= k * 4 || k > 500) return [...list].sort(compareRanked).slice(0, k);
  const best: Ranked[] = [];
  for (const r of list) {
    if (best.length === k && compareRanked(r, best[k - 1] as Ranked) >= 0) continue;
    let i = best.length === k ? k - 1 : best.length;
    if (best.length === k) best.pop();
    while (i > 0 && compareRanked(r, best[i - 1] as Ranked) < 0) i--;
    best.splice(i, 0, r);
  }
  return best;
}

/** First index in postings [lo, hi) whose doc is >= doc (postings are in doc order). */
function seek(postDoc: Int32Array, lo: number, hi: number, doc: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((postDoc[mid] ?? 0) < doc) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function scoreStatements(
  index: SearchIndex,
  reading: Reading,
  mask: Uint8Array | null,
  want: number,
  groupOnly = false,
): { total: number; top: Ranked[] } {
  const d = index.data;
  const n = index.corpus.statements.length;
  const { cur, stamp, total, cover, factor, seen, bits, meetingBest } = d.scratch;
  const touched: number[] = [];
  const topicWeight = reading.concepts.reduce((a, c) => a + c.weight, 0);
  const answerType = reading.concepts.length > 0 ? reading.answerType : null;
  const typeWeight = answerType ? topicWeight / reading.concepts.length : 0;
  const totalWeight = topicWeight || 1;
  const meetingScore = new Float32Array(index.corpus.meetings.length);
  // Rare concepts first: long posting lists of common words then only probe statements already found.
  // Words naming a meeting come last and only add to statements the other words found.
  const concepts = [...reading.concepts].sort(
    (a, b) => Number(!!a.meetings) - Number(!!b.meetings) || b.weight - a.weight,
  );
  const common = Math.max(5000, n / 10);
  // A paraphrase with a long list only adds to what the question's own words found.
  const paraphraseCommon = Math.max(1000, n / 100);
  let remaining = totalWeight;

  concepts.forEach((concept, ci) => {
    // Out of time: the answer is what the concepts scored so far found.
    if (ci > 0 && overBudget()) return;
    // A statement first found now can reach at most the weight of this and later concepts: when
    // that is below the coverage every answer needs, only statements already found can gain.
    const canCreate = remaining / totalWeight + 1e-6 >= LEAST_COVERAGE;
    remaining -= concept.weight;
    const conceptTouched: number[] = [];
    const hit = (doc: number, v: number, full: boolean, f: number) => {
      if (stamp[doc] !== ci) {
        stamp[doc] = ci;
        cur[doc] = v;
        factor[doc] = full ? f : 0;
        conceptTouched.push(doc);
        return;
      }
      if (v > (cur[doc] ?? 0)) cur[doc] = v;
      // Best factor of a full match: a hypernym covers half a word, a partial phrase nothing.
      if (full && f > (factor[doc] ?? 0)) factor[doc] = f;
    };
    for (const exp of concept.expansions) {
      const lists = exp.terms.map((t) => [d.postStart[t] ?? 0, d.postStart[t + 1] ?? 0] as const);
      lists.sort((a, b) => a[1] - a[0] - (b[1] - b[0]));
      const [shortest, ...others] = lists;
      if (!shortest) continue;
      const size = shortest[1] - shortest[0];
      // Long lists (common words, broad hypernyms) only add to statements already found when
      // rarer words found some: the cost of a question then follows its rarest words.
      const found = touched.length + conceptTouched.length;
      // Only add to statements already found: when no new one could pass, or when a long list
      // (a common word, a broad hypernym) meets a question whose rarer words found some.
      const onlyFound =
        !canCreate ||
        concept.meetings !== undefined ||
        (size > common &&
          found > 0 &&
          found * 8 < size &&
          (touched.length > 0 || exp.factor < 1)) ||
        (exp.factor < 1 && size > paraphraseCommon && found > 0);
      // Seek each found statement in the list when that is cheaper than walking the list.
      const probe = onlyFound && found * Math.log2(size + 2) < size;
      const scoreAt = (doc: number, p: number): number => {
        let v = d.postImpact[p] ?? 0;
        for (const [lo, hi] of others) {
          const q = seek(d.postDoc, lo, hi, doc);
          if (q >= hi || d.postDoc[q] !== doc) return -1;
          v += d.postImpact[q] ?? 0;
        }
        return (v / exp.terms.length) * exp.factor;
      };
      if (probe) {
        for (const doc of touched.length > 0
          ? [...touched, ...conceptTouched]
          : [...conceptTouched]) {
          const p = seek(d.postDoc, shortest[0], shortest[1], doc);
          if (p >= shortest[1] || d.postDoc[p] !== doc) continue;
          const v = scoreAt(doc, p);
          if (v >= 0)
            hit(doc, v, !exp.partial, exp.factor * (d.postInText[p] === 1 ? 1 : FIELD_COVER));
        }
      } else {
        for (let p = shortest[0]; p < shortest[1]; p++) {
          const doc = d.postDoc[p] ?? 0;
          if (mask && mask[doc] === 0) continue;
          if (onlyFound && seen[doc] !== 1 && stamp[doc] !== ci) continue;
          const v = scoreAt(doc, p);
          if (v >= 0)
            hit(doc, v, !exp.partial, exp.factor * (d.postInText[p] === 1 ? 1 : FIELD_COVER));
        }
      }
    }
    // In a meeting the word names, a statement the other words found covers it without saying it.
    if (concept.meetings) {
      for (const doc of touched) {
        if (concept.meetings.has(d.docMeeting[doc] ?? -1)) hit(doc, 0, true, 1);
      }
    }
    // Meeting-level evidence: the best passage (statement or narration) of each report.
    const touchedMeetings: number[] = [];
    for (const doc of conceptTouched) {
      const mi = d.docMeeting[doc] ?? 0;
      const v = cur[doc] ?? 0;
      if (meetingBest[mi] === 0) touchedMeetings.push(mi);
      if (v > (meetingBest[mi] ?? 0)) meetingBest[mi] = v;
    }
    for (const mi of touchedMeetings) {
      meetingScore[mi] = (meetingScore[mi] ?? 0) + (meetingBest[mi] ?? 0);
      meetingBest[mi] = 0;
    }
    for (const doc of conceptTouched) {
      if (seen[doc] !== 1) {
        seen[doc] = 1;
        touched.push(doc);
        total[doc] = 0;
        cover[doc] = 0;
        bits[doc] = 0;
      }
      if (ci < 32) bits[doc] = (bits[doc] ?? 0) | (1 << ci);
      total[doc] = (total[doc] ?? 0) + (cur[doc] ?? 0);
      cover[doc] = (cover[doc] ?? 0) + concept.weight * (factor[doc] ?? 0);
    }
  });

  lendNeighbours(index, concepts, touched, totalWeight);
  // What the question asks for besides its topic ("every two weeks" for "how often").
  const typed = new Set<number>();
  if (answerType) {
    const statements = index.corpus.statements;
    for (const doc of touched) {
      if (d.docSpeaker[doc] === NARRATION) continue;
      const text = () => spokenText(statements[doc] ?? { text: '' });
      if (!statementAnswers(d.scratch.answerTypes, doc, text, answerType)) continue;
      typed.add(doc);
      cover[doc] = (cover[doc] ?? 0) + typeWeight;
    }
  }

  let maxMeeting = 0;
  // Built for the first long turn found (search/DESIGN.md: a long turn's best window).
  let byTerm: Map<number, [number, number][]> | null = null;
  for (const v of meetingScore) if (v > maxMeeting) maxMeeting = v;
  // What each statement found earns, before who said it is weighed.
  // What each statement found earns, before who said it is weighed: its base score in `cur`, its
  // coverage in `factor` (both free once the concepts are summed); `seen` marks the candidates.
  const docs: number[] = [];
  for (const doc of touched) {
    // TOUCHED until the replies are lent (a follow-up question that has a word of the question).
    stamp[doc] = TOUCHED;
    if (d.docSpeaker[doc] === NARRATION) {
      seen[doc] = 0;
      continue;
    }
    let coverage = (cover[doc] ?? 0) / totalWeight;
    // Too little of the question for anyone's answer (a reply may still take its question's).
    if (coverage + 1e-6 < LEAST_COVERAGE) {
      seen[doc] = 0;
      continue;
    }
    if (isLongTurn(index, doc))
      coverage *= concentration(index, doc, concepts, (byTerm ??= conceptsByTerm(concepts)));
    const m = maxMeeting > 0 ? (meetingScore[d.docMeeting[doc] ?? 0] ?? 0) / maxMeeting : 0;
    // Coordination: a statement that answers more of the question beats one that repeats a part.
    const coord = 0.5 + 0.5 * Math.min(1, coverage);
    const named = 1 + MENTION_BOOST * (reading.meetings.get(d.docMeeting[doc] ?? -1) ?? 0);
    const timed = reading.asksWhen && d.docTimed[doc] === 1 ? WHEN_TIMED_BOOST : 1;
    const gives = typed.has(doc) ? ANSWER_TYPE_BOOST : 1;
    cur[doc] = (total[doc] ?? 0) * coord * (1 + MEETING_BOOST * m) * named * timed * gives;
    factor[doc] = coverage;
    docs.push(doc);
  }
  // A question turn that matches ("Q: any comment on the order in Kazmir?") lends its match to the
  // reply that follows it: the reply is what was said about it, in words of its own. A short
  // follow-up by the same asker ("How many did you write?") goes on with the same matter, so its
  // reply takes a share too. Not when the question asks who asked: then the question turns answer.
  const repliedTo = new Set<number>();
  const matched = reading.asksQuestions ? 0 : docs.length;
  const lentOnly = new Set<number>();
  const lend = (reply: number, score: number, coverage: number) => {
    if (seen[reply] !== 1) {
      lentOnly.add(reply);
      seen[reply] = 1;
      cur[reply] = 0;
      factor[reply] = 0;
      docs.push(reply);
    }
    // "I did." answers only beside its question: a short reply takes less of the question's match.
    const lent = score * REPLY_FACTOR * Math.min(1, Math.sqrt(wordCount(index, reply) / 8));
    factor[reply] = Math.max(factor[reply] ?? 0, coverage);
    cur[reply] = Math.max(cur[reply] ?? 0, lent);
  };
  for (let k = 0; k < matched; k++) {
    const doc = docs[k] ?? 0;
    const qCoverage = factor[doc] ?? 0;
    if (qCoverage + 1e-6 < LEAST_COVERAGE || !isQuestionTurn(index, doc)) continue;
    let asking = doc;
    let share = 1;
    for (let hop = 0; hop <= FOLLOW_UPS; hop++) {
      const reply = replyTo(index, asking);
      if (reply >= 0) lend(reply, (cur[doc] ?? 0) * share, qCoverage);
      if (reply >= 0 && hop === 0) repliedTo.add(doc);
      // After the reply, or after a bare "Yes." (backchannel, never a result).
      asking = followUp(index, asking, reply >= 0 ? reply : asking);
      if (asking < 0) break;
      // One that has a word of the question ("How many did you write?") keeps to its matter.
      if (stamp[asking] !== TOUCHED) share *= FOLLOW_UP_FACTOR;
    }
  }
  for (const doc of touched) stamp[doc] = -1;
  const askedMeetings = meetingsOf(index, reading.speakers);
  // Meetings about someone asked: theirs, and those whose words or titles name them.
  const aboutAsked = askedMeetings ? new Set(askedMeetings) : null;
  if (aboutAsked) {
    for (const t of nameTermsOf(index, reading.speakers)) {
      for (let p = d.postStart[t] ?? 0; p < (d.postStart[t + 1] ?? 0); p++)
        aboutAsked.add(d.docMeeting[d.postDoc[p] ?? 0] ?? -1);
    }
  }
  const out: Ranked[] = [];
  for (const doc of docs) {
    seen[doc] = 0;
    const coverage = factor[doc] ?? 0;
    const sp = d.docSpeaker[doc] ?? -1;
    const asked = reading.speakers.has(sp);
    const voice: Voice =
      reading.speakers.size === 0
        ? 'anyone'
        : asked
          ? 'asked'
          : sp === -1 && askedMeetings?.has(d.docMeeting[doc] ?? -1)
            ? 'group'
            : reading.asksWords
              ? 'other'
              : 'anyone';
    if (coverage + 1e-6 < coverageNeeded(voice)) continue;
    // Someone else's words answer a question about a person only in a meeting of theirs or one
    // that names them: "trump brexit" is not answered by a readout Trump is no part of.
    if (aboutAsked && !asked && !aboutAsked.has(d.docMeeting[doc] ?? -1)) continue;
    // Everyone asked about is silent: only a group statement of their meeting speaks for them.
    if (groupOnly && voice !== 'group') continue;
    // A reporter's question ("Q") repeats what is asked; the reply answers it.
    const generic =
      !asked && !reading.asksQuestions && sp >= 0 && d.genericSpeaker[sp] === 1
        ? GENERIC_FACTOR
        : 1;
    const question = repliedTo.has(doc) && !asked ? QUESTION_FACTOR : 1;
    out.push({
      doc,
      score: (cur[doc] ?? 0) * generic * question,
      asked,
      coverage,
      ownWords: !lentOnly.has(doc),
    });
  }
  // The honesty gate: after the best answer, only those that answer about as well.
  let best: Ranked | null = null;
  for (const r of out) if (!best || compareRanked(r, best) < 0) best = r;
  const shown = best ? out.filter((r) => r === best || answersAsWell(best, r)) : out;
  return { total: shown.length, top: topK(shown, want) };
}

// A statement also answers with what the same speaker said just before it in the meeting: "He
// explained this group won a certificate" after "Buck introduced Cub Scout Pack 388". For a concept
// only those statements match, it covers this share of what they cover (the gate's coverage; its
// score stays its own words').
const NEIGHBOUR_COVER = 0.5;
const NEIGHBOURS_BEFORE = 2;
// Only a statement whose own words cover this much of the question borrows its neighbours'.
const NEIGHBOUR_MIN_OWN = 0.15;

/**
 * Adds to the coverage of each found statement what the same speaker's statements just before it
 * found of the concepts it lacks (one speaker's run of paragraphs or turns, in one meeting).
 */
function lendNeighbours(
  index: SearchIndex,
  concepts: Reading['concepts'],
  touched: number[],
  totalWeight: number,
): void {
  const d = index.data;
  const { cover, seen, bits } = d.scratch;
  const weights = concepts.slice(0, 32).map((c) => c.weight);
  const weightOf = (mask: number): number => {
    let w = 0;
    for (let ci = 0; mask !== 0 && ci < weights.length; ci++, mask >>>= 1)
      if (mask & 1) w += weights[ci] ?? 0;
    return w;
  };
  const credits: [number, number][] = [];
  for (const doc of touched) {
    if ((cover[doc] ?? 0) / totalWeight + 1e-6 < NEIGHBOUR_MIN_OWN) continue;
    const sp = d.docSpeaker[doc];
    const meeting = d.docMeeting[doc];
    // Narration is never shown; a question turn asks, its own words are all it has.
    if (sp === NARRATION || isQuestionTurn(index, doc)) continue;
    let have = bits[doc] ?? 0;
    let credit = 0;
    let steps = 0;
    let nb = doc - 1;
    while (nb >= 0 && steps < NEIGHBOURS_BEFORE && d.docMeeting[nb] === meeting) {
      if (d.docSpeaker[nb] !== sp) {
        // Someone's "Yes." between two of the speaker's turns does not end the run.
        const past = nb - 1;
        if (
          nb === doc - 1 &&
          past >= 0 &&
          seen[past] === 1 &&
          d.docSpeaker[past] === sp &&
          d.docMeeting[past] === meeting &&
          isBackchannel(spokenText(index.corpus.statements[nb] ?? { text: '' }))
        ) {
          nb = past;
          continue;
        }
        break;
      }
      steps++;
      const nbBits = seen[nb] === 1 ? (bits[nb] ?? 0) : 0;
      const missing = nbBits & ~have;
      if (missing !== 0) {
        credit +=
          NEIGHBOUR_COVER * (cover[nb] ?? 0) * (weightOf(missing) / (weightOf(nbBits) || 1));
        have |= nbBits;
      }
      nb--;
    }
    if (credit > 0) credits.push([doc, credit]);
  }
  for (const [doc, credit] of credits) cover[doc] = (cover[doc] ?? 0) + credit;
}

// A turn far longer than a passage ("Recording is on …" for 500 words) can meet a question's words
// in passing, hundreds of words apart. Past LONG_TURN_WORDS, its coverage counts only the share
// of its matched topic weight that one window of PASSAGE_WORDS holds together: a 2,000-word turn
// with one sentence that answers still answers (the view shows that passage).
const LONG_TURN_WORDS = 300;
const PASSAGE_WORDS = 120;

/** More than LONG_TURN_WORDS words (counted once per statement, when first found). */
function isLongTurn(index: SearchIndex, doc: number): boolean {
  // 0: not counted yet, 1: not long, else its word count.
  const counted = index.data.scratch.turnLength;
  if ((counted[doc] ?? 0) === 0) {
    // A word takes at least two characters with its space: shorter texts are never long.
    const short = (index.corpus.statements[doc]?.text.length ?? 0) < LONG_TURN_WORDS * 2;
    const words = short ? 0 : wordCount(index, doc);
    counted[doc] = words > LONG_TURN_WORDS ? words : 1;
  }
  return (counted[doc] ?? 1) > LONG_TURN_WORDS;
}

/** Index term → the concepts it stands for and the factor it counts (single-word expansions). */
function conceptsByTerm(concepts: Reading['concepts']): Map<number, [number, number][]> {
  const out = new Map<number, [number, number][]>();
  concepts.forEach((c, ci) => {
    for (const e of c.expansions) {
      if (e.partial || e.terms.length !== 1) continue;
      const t = e.terms[0] ?? -1;
      const list = out.get(t) ?? [];
      list.push([ci, e.factor]);
      out.set(t, list);
    }
  });
  return out;
}

/**
 * The share of a statement's matched topic weight (its own words) that its best window of
 * PASSAGE_WORDS words holds: 1 when what matches stands together, less when it is scattered.
 */
function concentration(
  index: SearchIndex,
  doc: number,
  concepts: Reading['concepts'],
  conceptsOf: Map<number, [number, number][]>,
): number {
  const d = index.data;
  const statement = index.corpus.statements[doc];
  if (!statement) return 1;
  const lastAt = new Array<number>(concepts.length).fill(-Infinity);
  const factorAt = new Array<number>(concepts.length).fill(0);
  const everFactor = new Array<number>(concepts.length).fill(0);
  let best = 0;
  const words = indexWords(spokenText(statement));
  words.forEach((w, i) => {
    const t = termOf(d, w, d.stemOf);
    const hits = t === undefined ? undefined : conceptsOf.get(t);
    if (!hits) return;
    for (const [ci, f] of hits) {
      lastAt[ci] = i;
      factorAt[ci] = f;
      if (f > (everFactor[ci] ?? 0)) everFactor[ci] = f;
    }
    let inWindow = 0;
    concepts.forEach((c, ci) => {
      if (i - (lastAt[ci] ?? -Infinity) < PASSAGE_WORDS) inWindow += c.weight * (factorAt[ci] ?? 0);
    });
    if (inWindow > best) best = inWindow;
  });
  const whole = concepts.reduce((a, c, ci) => a + c.weight * (everFactor[ci] ?? 0), 0);
  return whole > 0 ? Math.min(1, best / whole) : 1;
}

/** Meetings in which any of these speakers speaks or is present (null when none is asked). */
function meetingsOf(index: SearchIndex, speakers: Set<number>): Set<number> | null {
  if (speakers.size === 0) return null;
  const out = new Set<number>();
  for (const s of speakers) for (const mi of index.data.speakerMeetings[s] ?? []) out.add(mi);
  return out;
}

/** Index terms of the identifying name words of these speakers ("trump", "khamenei"). */
function nameTermsOf(index: SearchIndex, speakers: Set<number>): number[] {
  const out = new Set<number>();
  for (const s of speakers) {
    const speaker = index.corpus.speakers[s];
    if (!speaker) continue;
    for (const w of identifyingWords(speaker)) {
      const t = index.data.surfaces.get(w);
      if (t !== undefined) out.add(t);
    }
  }
  return [...out];
}

/** A transcript turn that asks: it ends with a question mark, or the press ("Q") said it. */
function isQuestionTurn(index: SearchIndex, doc: number): boolean {
  const d = index.data;
  return d.docAsks[doc] === 1 || d.pressSpeakers.includes(d.docSpeaker[doc] ?? -1);
}

function wordCount(index: SearchIndex, doc: number): number {
  return (spokenText(index.corpus.statements[doc] ?? { text: '' }).match(/\S+/g) ?? []).length;
}

/**
 * The asker's next question right after a reply (or a bare "Yes."), when it is short enough to lean on the one
 * before ("And how many?", "How many did you write?"); -1 when there is none.
 */
function followUp(index: SearchIndex, asking: number, reply: number): number {
  const d = index.data;
  const n = index.corpus.statements.length;
  for (let next = reply + 1; next < n && next <= reply + 2; next++) {
    const st = index.corpus.statements[next];
    if (!st || d.docMeeting[next] !== d.docMeeting[asking] || st.kind !== 'turn') return -1;
    if (isBackchannel(spokenText(st))) continue;
    const same = d.docSpeaker[next] === d.docSpeaker[asking];
    return same && isQuestionTurn(index, next) && wordCount(index, next) <= FOLLOW_UP_WORDS
      ? next
      : -1;
  }
  return -1;
}

/**
 * The statement that answers a question turn: the next turn of the same meeting by someone else,
 * past a backchannel or two ("Yep."); -1 when the meeting moves on without one.
 */
function replyTo(index: SearchIndex, doc: number): number {
  const d = index.data;
  const n = index.corpus.statements.length;
  const asker = d.docSpeaker[doc];
  for (let next = doc + 1; next < n && next <= doc + 3; next++) {
    const st = index.corpus.statements[next];
    if (!st || d.docMeeting[next] !== d.docMeeting[doc] || st.kind !== 'turn') return -1;
    if (isBackchannel(spokenText(st))) continue;
    const sp = d.docSpeaker[next] ?? -1;
    // The asker going on, or another question from the floor: no reply here.
    if (sp === asker || (sp >= 0 && d.genericSpeaker[sp] === 1)) return -1;
    // A question back ("Have we tested this?") is no reply that answers.
    if (d.docAsks[next] === 1) return -1;
    return next;
  }
  return -1;
}
