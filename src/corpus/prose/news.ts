// News reading: a paragraph's quotations, who says them and the words that introduce them.
import { findMentions } from '../mentions.js';
import type { KnownNames } from '../mentions.js';
import type { Person } from '../people.js';
import {
  scanQuotes,
  splitSentences,
  splitStageNotes,
  startsWithOpenQuote,
  tokenize,
} from '../text.js';
import type { Paragraph, Span, Token } from '../text.js';
import {
  type ParaInfo,
  type OpenQuote,
  type State,
  knownOf,
  resolveMention,
  pushDraft,
  addOfficeHolder,
  nextContent,
} from './state.js';
import { findSubject, looksLikeNews } from './subject.js';
import { markPresent } from './who-is-who.js';
import { readPlainSentence } from './reported.js';

export function readParagraph(st: State, i: number, titleIdx: number): void {
  const info = st.infos[i] as ParaInfo;
  const p = info.p;
  if (info.kind === 'noise' || info.kind === 'heading' || i === titleIdx) {
    if (info.kind === 'heading') {
      st.open = null;
      st.intro = null;
      st.voice = null;
    }
    return;
  }
  if (info.kind === 'turn' && (st.newsAgain || looksLikeNews(p, knownOf(st)))) {
    // A news paragraph after the transcript ("Putin noted, “…”"): read it, and what follows, as news.
    st.newsAgain = true;
    info.kind = 'text';
  }
  if (info.kind === 'label') st.newsAgain = false;
  if (info.kind !== 'label' && info.kind !== 'turn') {
    readNewsParagraph(st, i);
    return;
  }
  st.open = null;
  st.intro = null;
  st.voice = null;
  if (info.kind === 'label') {
    st.current = st.labelPeople.get(i) ?? null;
    // A reporter's question or an aide's aside does not change whom "he" means afterwards.
    if (st.current && !st.current.generic) st.focus = st.current;
  }
  const from = info.kind === 'label' ? (info.label?.textStart ?? 0) : 0;
  for (const seg of splitStageNotes(p.text, from)) pushDraft(st, st.current, 'turn', p, seg, null);
}

interface QuoteSpan {
  open: number;
  innerStart: number;
  innerEnd: number;
  outerEnd: number;
}

function readNewsParagraph(st: State, i: number): void {
  const info = st.infos[i] as ParaInfo;
  const p = info.p;
  const ptext = p.text;
  const known = knownOf(st);
  const tokens = info.tokens ?? tokenize(ptext, p.start);
  const scan = scanQuotes(ptext, st.open !== null);
  for (const s of scan.strays)
    st.warn(
      p.line,
      `unbalanced quotation marks: a closing ${ptext[s] === '"' ? '"' : '”'} with no opening mark`,
    );
  let continues = false;
  const spans = scan.spans.filter((sp) => {
    if (sp.close !== -2) return true;
    st.warn(p.line, 'unbalanced quotation marks: a quotation is opened twice without being closed');
    return false;
  });
  for (const sp of spans) {
    if (sp.close !== -1) continue;
    const next = nextContent(st.infos, i);
    if (next && next.kind === 'text' && startsWithOpenQuote(next.p.text)) continues = true;
    else if (!next)
      st.warn(p.line, 'the report seems cut off mid-quote: a quotation is never closed');
    else st.warn(p.line, 'unbalanced quotation marks: a quotation opened here is never closed');
  }
  const quoteSpans: QuoteSpan[] = spans.map((sp) => ({
    open: sp.open,
    innerStart: sp.open < 0 ? 0 : sp.open + 1,
    innerEnd: sp.close < 0 ? ptext.length : sp.close,
    outerEnd: sp.close < 0 ? ptext.length : sp.close + 1,
  }));
  const protect: Span[] = quoteSpans.map((q) => ({ start: Math.max(0, q.open), end: q.outerEnd }));
  const carried = st.open;
  st.open = null;
  const pending = st.intro;
  st.intro = null;
  if (quoteSpans.length > 0) st.voice = null;
  if (pending && quoteSpans.length === 0 && pending !== st.voice) {
    // Unquoted speech after "He said:": the paragraph is what was said.
    pushDraft(
      st,
      pending.person,
      'paraphrase',
      p,
      { start: 0, end: ptext.length },
      pending.context,
    );
    if (pending.person) st.focus = pending.person;
    return;
  }
  let tokenAt = 0;
  let quoteAt = 0;
  for (const s of splitSentences(ptext, protect)) {
    // Sentences come in order: walk the token list once instead of filtering it each time.
    while (tokenAt < tokens.length && (tokens[tokenAt] as Token).start < p.start + s.start)
      tokenAt++;
    let tokenEnd = tokenAt;
    while (tokenEnd < tokens.length && (tokens[tokenEnd] as Token).end <= p.start + s.end)
      tokenEnd++;
    const sTokens = tokens.slice(tokenAt, tokenEnd);
    tokenAt = tokenEnd;
    const real: QuoteSpan[] = [];
    while (
      quoteAt < quoteSpans.length &&
      Math.max(0, (quoteSpans[quoteAt] as QuoteSpan).open) < s.start
    )
      quoteAt++;
    for (let qi = quoteAt; qi < quoteSpans.length; qi++) {
      const q = quoteSpans[qi] as QuoteSpan;
      if (Math.max(0, q.open) >= s.end) break;
      if (!isScareQuote(ptext, q, s)) real.push(q);
    }
    if (real.length === 0) {
      readPlainSentence(st, p, s, sTokens, known);
      continue;
    }
    const atStart = s.start === 0 && (real[0] as QuoteSpan).open <= 0;
    const given = atStart ? (carried ?? pending) : null;
    const said = readQuoteSentence(st, p, s, sTokens, real, given, known);
    const last = real[real.length - 1] as QuoteSpan;
    if (continues && last.innerEnd === ptext.length) st.open = said;
  }
}

/** A sentence holding quotations: who says them, and the words around them as context. */
function readQuoteSentence(
  st: State,
  p: Paragraph,
  s: Span,
  sTokens: Token[],
  real: QuoteSpan[],
  given: OpenQuote | null,
  known: KnownNames,
): OpenQuote {
  const ptext = p.text;
  const first = real[0] as QuoteSpan;
  const last = real[real.length - 1] as QuoteSpan;
  const beforeEnd = p.start + Math.max(s.start, first.open);
  const before = sTokens.filter((t) => t.end <= beforeEnd);
  const after = sTokens.filter((t) => t.start >= p.start + last.outerEnd);
  const outside = sTokens.filter(
    (t) => !real.some((q) => t.start >= p.start + q.innerStart && t.end <= p.start + q.innerEnd),
  );
  let person: Person | null;
  let context: string | null;
  if (given) {
    person = given.person;
    context = given.context;
  } else {
    const subj = findSubject(ptext, p.start, before, findMentions(ptext, before, p.start, known));
    if (subj) person = resolveMention(st, subj) ?? addOfficeHolder(st, p, subj);
    else {
      const am = findMentions(ptext, after, p.start, known)[0];
      person = am ? (resolveMention(st, am) ?? addOfficeHolder(st, p, am)) : st.focus;
    }
    const beforeText = ptext.slice(s.start, Math.max(s.start, first.open)).trim();
    const second = real[1];
    // “We will,” he added, “and soon.” — the words between the quotations introduce them.
    const betweenText = second
      ? ptext.slice(first.outerEnd, second.open).replace(/^[\s,.;:]+|[\s,;:]+$/g, '')
      : '';
    const afterText = ptext.slice(Math.min(s.end, last.outerEnd), s.end).trim();
    context =
      beforeText || betweenText || (afterText.replace(/^[\s,.;:]+/, '') ? afterText : '') || null;
  }
  markPresent(ptext, p.start, outside, known, st.reg);
  for (const q of real) {
    const span = trimQuote(ptext, q.innerStart, q.innerEnd);
    if (span) pushDraft(st, person, 'quote', p, span, context);
  }
  if (person) st.focus = person;
  return { person, context };
}

function isScareQuote(
  text: string,
  q: { open: number; innerStart: number; innerEnd: number; outerEnd: number },
  s: Span,
): boolean {
  if (q.open < 0) return false;
  if (countWords(text, q.innerStart, q.innerEnd, 4) >= 4) return false;
  return countWords(text, s.start, q.open, 2) >= 2 && countWords(text, q.outerEnd, s.end, 2) >= 2;
}

/** Words between two offsets, counting no further than `max`. */
function countWords(text: string, a: number, b: number, max: number): number {
  let n = 0;
  let inWord = false;
  for (let i = a; i < b && n < max; i++) {
    const c = text.charCodeAt(i);
    const word =
      c > 127
        ? /[\p{L}\p{N}]/u.test(text[i] as string)
        : (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (word && !inWord) n++;
    inWord = word;
  }
  return n;
}

function trimQuote(text: string, a: number, b: number): Span | null {
  while (a < b && /[\s\u201c"]/.test(text[a] ?? '')) a++;
  while (b > a && /[\s,\u201d"]/.test(text[b - 1] ?? '')) b--;
  if (!/[\p{L}\p{N}]/u.test(text.slice(a, b))) return null;
  return { start: a, end: b };
}
