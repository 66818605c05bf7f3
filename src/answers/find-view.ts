// "Find in reports" (a misquote checker): the statements closest to a message's text, and a
// verdict — said verbatim, said in close words, or not in the reports.
import { spokenText } from '../corpus/text.js';
import type { Meeting, Statement } from '../corpus/types.js';
import type { SearchIndex } from '../search/engine.js';
import { askQuestion, MAX_QUESTION_LENGTH } from '../search/engine.js';
import { buildStatementField } from './ask-view.js';
import { shown } from './format.js';
import { emptyCard, textReply } from './view.js';
import type { ReplyView } from './view.js';

export type Verdict = 'verbatim' | 'close' | 'absent';

export interface FindMatch {
  statement: Statement;
  meeting: Meeting;
  /** Share of the claim's words (0–1) and word pairs the statement holds, for ordering only. */
  words: number;
  pairs: number;
}

export interface FindResult {
  /** The words checked: the quoted part of the message when it has one, else all of it. */
  claim: string;
  verdict: Verdict;
  matches: FindMatch[];
  /** Speakers the message names, when the reports give the words to someone else. */
  misattributed: { named: string[]; actual: string } | null;
  /** Too little text to check. */
  tooShort: boolean;
}

/** Fewer words than this can be found anywhere; they are not a quote to check. */
const MIN_WORDS = 4;
/** "Close words": most of the words and many of the word pairs, in one statement. */
const CLOSE_WORDS = 0.7;
const CLOSE_PAIRS = 0.4;
const MAX_MATCHES = 3;

export function findInReports(index: SearchIndex, text: string): FindResult {
  const claim = pickClaim(text);
  const claimWords = toWords(claim);
  const empty: FindResult = {
    claim,
    verdict: 'absent',
    matches: [],
    misattributed: null,
    tooShort: true,
  };
  if (claimWords.length < MIN_WORDS) return empty;

  const corpus = index.corpus;
  const meetings = new Map(corpus.meetings.map((m) => [m.id, m]));
  const needle = ` ${claimWords.join(' ')} `;
  const candidates = new Map<string, Statement>();
  // Verbatim: the claim's words, in order, inside one statement (brackets the report added ignored).
  for (const statement of corpus.statements) {
    if (statement.text.length < claim.length * 0.5) continue;
    const said = spokenText(statement);
    const hay = ` ${toWords(said).join(' ')} `;
    const bare = ` ${toWords(said.replace(/\[[^\]]*\]/g, ' ')).join(' ')} `;
    if (hay.includes(needle) || bare.includes(needle)) candidates.set(statement.id, statement);
  }
  const asked = askQuestion(index, claim.slice(0, MAX_QUESTION_LENGTH), { limit: 5 });
  for (const r of asked.results) candidates.set(r.statement.id, r.statement);

  const matches: FindMatch[] = [];
  for (const statement of candidates.values()) {
    const meeting = meetings.get(statement.meetingId);
    if (!meeting) continue;
    matches.push({
      statement,
      meeting,
      ...measureOverlap(claimWords, toWords(spokenText(statement).replace(/\[[^\]]*\]/g, ' '))),
    });
  }
  matches.sort((a, b) => b.words + b.pairs - (a.words + a.pairs));
  const top = matches.slice(0, MAX_MATCHES);
  const best = top[0];
  let verdict: Verdict = 'absent';
  if (best && best.words === 1 && best.pairs === 1) verdict = 'verbatim';
  else if (best && best.words >= CLOSE_WORDS && best.pairs >= CLOSE_PAIRS) verdict = 'close';

  // Who the message says spoke, against who the reports say did.
  const named = askQuestion(index, text.slice(0, MAX_QUESTION_LENGTH), { limit: 1 }).speakers;
  const actual = best?.statement.speaker ?? null;
  const misattributed =
    verdict !== 'absent' && actual && named.length > 0 && !named.includes(actual)
      ? { named, actual }
      : null;
  return {
    claim,
    verdict,
    matches: verdict === 'absent' ? top.filter((m) => m.words >= 0.5) : top,
    misattributed,
    tooShort: false,
  };
}

export function buildFindView(result: FindResult): ReplyView {
  if (result.tooShort) {
    return textReply(
      `There is too little to check here: “Find in reports” needs a quote of at least ${MIN_WORDS} words.`,
    );
  }
  const card = emptyCard();
  const claim = shown(result.claim, 900);
  if (result.verdict === 'verbatim') card.title = 'Said verbatim';
  else if (result.verdict === 'close') card.title = 'Said in close words — not verbatim';
  else card.title = 'Not in the reports';
  const lines = [`> ${claim.replace(/\n+/g, ' ')}`];
  if (result.misattributed) {
    lines.push(
      `The reports give these words to **${shown(result.misattributed.actual)}**, not to ${shown(result.misattributed.named.join(' or '))}.`,
    );
  }
  if (result.verdict === 'absent') {
    lines.push(
      result.matches.length > 0
        ? 'No report has these words. The closest statements:'
        : 'No report has these words or anything close to them.',
    );
  } else {
    lines.push(
      result.verdict === 'verbatim'
        ? 'Found word for word in:'
        : 'The closest statement in the reports:',
    );
  }
  card.description = lines.join('\n');
  card.fields = result.matches.map((m) =>
    buildStatementField(m.statement, m.meeting, '', result.claim),
  );
  card.footer = 'Checked against every report the bot has loaded';
  return { ephemeral: true, content: null, cards: [card], buttons: [] };
}

/** The quoted part of a message (the longest “…” or "…" span of 4+ words), else the whole text. */
export function pickClaim(text: string): string {
  const quoted = [...text.matchAll(/[“"«]([^”"»]{10,})[”"»]/g)].map((m) => (m[1] ?? '').trim());
  const longest = quoted
    .filter((q) => toWords(q).length >= MIN_WORDS)
    .sort((a, b) => b.length - a.length)[0];
  return (longest ?? text).trim().replace(/\s+/g, ' ');
}

function toWords(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[’‘]/g, "'")
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? []
  );
}

function measureOverlap(claim: string[], statement: string[]): { words: number; pairs: number } {
  const have = new Set(statement);
  const havePairs = new Set(statement.slice(1).map((w, i) => `${statement[i]} ${w}`));
  const words = claim.filter((w) => have.has(w)).length / claim.length;
  const pairs = claim.slice(1).map((w, i) => `${claim[i]} ${w}`);
  const pairShare =
    pairs.length === 0 ? words : pairs.filter((p) => havePairs.has(p)).length / pairs.length;
  // Verbatim means contiguous; pairs alone can match out of order, so require the sequence too.
  const contiguous = ` ${statement.join(' ')} `.includes(` ${claim.join(' ')} `);
  return { words, pairs: contiguous ? 1 : Math.min(pairShare, 0.99) };
}
