// Choosing a server's quote of the day: pure and deterministic for (server, local date, history).
import { isBackchannel, spokenText } from '../corpus/text.js';
import type { Corpus, Meeting, Statement } from '../corpus/types.js';

export interface QuoteBounds {
  /** Readable length bounds, in characters (after collapsing whitespace). */
  minChars: number;
  maxChars: number;
}

export interface PickOptions extends QuoteBounds {
  corpus: Corpus;
  serverId: string;
  /** The server's local date, YYYY-MM-DD. */
  date: string;
  /** The server's quotes of other days (any order). */
  history: readonly { localDate: string; statementId: string }[];
  /** Only this speaker's statements (canonical name). */
  speaker?: string | null;
  /** The eligible statements, when the caller keeps them between picks (see listEligibleStatements). */
  eligible?: readonly EligibleStatement[];
}

export interface QuotePick {
  statement: Statement;
  meeting: Meeting;
  /** The meeting was held on this month and day in an earlier year. */
  onThisDay: boolean;
}

export interface EligibleStatement {
  statement: Statement;
  meeting: Meeting;
  /** Identical text reported twice counts as one quote. */
  key: string;
  speaker: string;
}

function normalizeText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Letters and digits only: the same words with other quotation marks or spacing are one quote. */
function textKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Length as shown (runs of whitespace count once), without copying clean text. */
function measureText(text: string): number {
  return /\s\s|[\n\r\t]/.test(text) ? normalizeText(text).length : text.trim().length;
}

/** FNV-1a: a fast stable hash, so the same inputs always pick the same quote. */
export function hashString(input: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) {
    h ^= input.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Statements fit for a quote of the day: attributed to a person (not a generic label such as a
 * reporter's "Q" or an "Aide"), verbatim (quotes and transcript turns; the reporter's paraphrases
 * only when a corpus has nothing else), within the length bounds, never a greeting or
 * backchannel ("Thank you very much, everyone."), one per distinct text, in corpus order.
 */
export function listEligibleStatements(
  corpus: Corpus,
  bounds: QuoteBounds,
  speaker: string | null = null,
): EligibleStatement[] {
  const meetings = new Map(corpus.meetings.map((m) => [m.id, m]));
  const generic = new Set(corpus.speakers.filter((s) => s.generic).map((s) => s.name));
  const collect = (allowParaphrase: boolean): EligibleStatement[] => {
    const seen = new Set<string>();
    const out: EligibleStatement[] = [];
    for (const statement of corpus.statements) {
      if (statement.speaker === null || generic.has(statement.speaker)) continue;
      if (speaker !== null && statement.speaker !== speaker) continue;
      if (statement.kind === 'paraphrase' && !allowParaphrase) continue;
      const length = measureText(statement.text);
      if (length < bounds.minChars || length > bounds.maxChars) continue;
      if (isBackchannel(spokenText(statement))) continue;
      const meeting = meetings.get(statement.meetingId);
      if (!meeting) continue;
      const key = textKey(statement.text);
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      out.push({ statement, meeting, key, speaker: statement.speaker });
    }
    return out;
  };
  const verbatim = collect(false);
  return verbatim.length > 0 ? verbatim : collect(true);
}

/** The meeting was held on `date`'s month and day in an earlier year. */
export function isOnThisDay(meetingDate: string | null, date: string): boolean {
  if (!meetingDate || meetingDate.slice(0, 4) >= date.slice(0, 4)) return false;
  const monthDay = date.slice(5);
  if (meetingDate.slice(5) === monthDay) return true;
  // 29 February meetings are remembered on 28 February in common years.
  const year = Number(date.slice(0, 4));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return !leap && monthDay === '02-28' && meetingDate.slice(5) === '02-29';
}

/**
 * The quote of the day for a server, or null when no statement is eligible.
 *
 * - No repeat: quotes of earlier days are used up until every eligible quote has had its day,
 *   then a new round starts (never with the quote of the day just before).
 * - "On this day" meetings win when one has an unused quote.
 * - Speakers take turns: the speaker quoted longest ago (or never) goes first.
 * - Ties are broken by a hash of (server, date, statement), so the choice is stable.
 */
export function pickDailyQuote(options: PickOptions): QuotePick | null {
  const eligible =
    options.eligible ?? listEligibleStatements(options.corpus, options, options.speaker ?? null);
  if (eligible.length === 0) return null;
  const byId = new Map(eligible.map((c) => [c.statement.id, c]));

  const past = options.history
    .filter((h) => h.localDate !== options.date)
    .slice()
    .sort((a, b) => (a.localDate < b.localDate ? -1 : a.localDate > b.localDate ? 1 : 0));

  // Walk the history in order, starting a new round whenever every eligible quote has been used.
  const allKeys = new Set(eligible.map((c) => c.key));
  const used = new Set<string>();
  let lastKey: string | null = null;
  for (const entry of past) {
    const candidate = byId.get(entry.statementId);
    if (!candidate) continue;
    used.add(candidate.key);
    lastKey = candidate.key;
    if (used.size >= allKeys.size) used.clear();
  }
  let remaining = eligible.filter((c) => !used.has(c.key));
  if (remaining.length > 1 && used.size === 0 && lastKey !== null) {
    remaining = remaining.filter((c) => c.key !== lastKey);
  }

  const onThisDay = remaining.filter((c) => isOnThisDay(c.meeting.date, options.date));
  const pool = onThisDay.length > 0 ? onThisDay : remaining;

  const lastQuoted = new Map<string, string>();
  const timesQuoted = new Map<string, number>();
  for (const entry of past) {
    // Quotes no longer eligible (settings changed) no longer count for turns.
    const speaker = byId.get(entry.statementId)?.speaker;
    if (!speaker) continue;
    lastQuoted.set(speaker, entry.localDate);
    timesQuoted.set(speaker, (timesQuoted.get(speaker) ?? 0) + 1);
  }
  const seed = `${options.serverId}|${options.date}`;
  const speakers = [...new Set(pool.map((c) => c.speaker))].sort((a, b) => {
    const la = lastQuoted.get(a) ?? '';
    const lb = lastQuoted.get(b) ?? '';
    if (la !== lb) return la < lb ? -1 : 1;
    const ta = timesQuoted.get(a) ?? 0;
    const tb = timesQuoted.get(b) ?? 0;
    if (ta !== tb) return ta - tb;
    return hashString(`${seed}|${a}`) - hashString(`${seed}|${b}`) || (a < b ? -1 : 1);
  });
  const speaker = speakers[0];
  let best: EligibleStatement | null = null;
  let bestHash = Infinity;
  for (const c of pool) {
    if (c.speaker !== speaker) continue;
    const h = hashString(`${seed}|${c.statement.id}`);
    if (h < bestHash) {
      best = c;
      bestHash = h;
    }
  }
  if (!best) return null;
  return {
    statement: best.statement,
    meeting: best.meeting,
    onThisDay: isOnThisDay(best.meeting.date, options.date),
  };
}

/** A random eligible quote (optionally by one speaker); `random` returns [0, 1). */
export function pickRandomQuote(options: {
  corpus: Corpus;
  bounds: QuoteBounds;
  speaker?: string | null;
  random: () => number;
}): QuotePick | null {
  const eligible = listEligibleStatements(options.corpus, options.bounds, options.speaker ?? null);
  const chosen = eligible[Math.floor(options.random() * eligible.length)];
  return chosen ? { statement: chosen.statement, meeting: chosen.meeting, onThisDay: false } : null;
}
