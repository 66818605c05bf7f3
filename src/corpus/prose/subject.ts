// Who a sentence is about: its grammatical subject, appositive roles, and whether a verb of saying
// follows.
import { findMentions, isReportingVerb } from '../mentions.js';
import type { Mention, KnownNames } from '../mentions.js';
import { isSayingPhrase } from './rules.js';
import { scanQuotes, tokenize } from '../text.js';
import type { Paragraph, Span, Token } from '../text.js';
import { wordCount } from './state.js';

const OBJECT_WORDS = new Set(
  'by with to of for from at on in into toward towards about against between among including like than via upon behind beside besides met meet meets received receive receives addressed address addresses told tell tells thanked thank thanks welcomed welcome welcomes hosted host hosts visiting visited visit greeted greet invited invite congratulated congratulate asked ask urged urge called call accompanied accompany joined join'.split(
    ' ',
  ),
);

const ADVERBS = new Set(
  'then also further furthermore later once again in turn has have had was were is are would will meanwhile additionally moreover too repeatedly strongly firmly clearly explicitly publicly openly earlier specifically particularly finally first briefly likewise similarly however himself herself personally separately both all did does do also subsequently afterwards immediately promptly quickly warmly sharply emphatically'.split(
    ' ',
  ),
);

/** Prepositions that open a short aside between a speaker and the verb ("in this meeting"). */
const ASIDE_PREPS = new Set(['in', 'at', 'during', 'on', 'for', 'after', 'before', 'throughout']);

/**
 * "Aliyev, the president of Azerbaijan, said": the role describes the name before it. Not when
 * the role goes on to say something itself ("…attended by President Rouhani, the Pakistani Prime
 * Minister expressed his pleasure"): then it is a new subject.
 */
export function isAppositive(
  text: string,
  offset: number,
  a: Mention,
  b: Mention,
  tokens: Token[],
): boolean {
  const gap = text.slice(a.end - offset, b.start - offset);
  if (!(/^[\s,\u2014\u2013-]+$/.test(gap) && /[,\u2014\u2013-]/.test(gap))) return false;
  let i = b.last + 1;
  let t = tokens[i];
  if (!t || t.cap || !/^\s+$/.test(text.slice(b.end - offset, t.start - offset))) return true;
  while (t && ADVERBS.has(t.low) && !t.cap) t = tokens[++i];
  return !t || !isReportingVerb(t.low, tokens[i + 1]?.low);
}

export function findSubject(
  text: string,
  offset: number,
  tokens: Token[],
  mentions: Mention[],
): Mention | null {
  let prev: Mention | null = null;
  let prevObject = false;
  for (const m of mentions) {
    const first = tokens.findIndex((t) => t.start === m.start);
    const prevTok = first > 0 ? tokens[first - 1] : undefined;
    const gap = prevTok ? text.slice(prevTok.end - offset, m.start - offset) : '';
    if (m.kind === 'role' && prev && isAppositive(text, offset, prev, m, tokens)) {
      prev = m;
      continue;
    }
    let object = m.possessive;
    if (prevTok && /^\s+$/.test(gap)) {
      if (
        OBJECT_WORDS.has(prevTok.low) ||
        (/(ing|ed)$/.test(prevTok.low) && prevTok.low.length > 4 && !ADVERBS.has(prevTok.low))
      )
        object = true;
      if (prevTok.low === 'and' && prev && prevObject) object = true;
    }
    if (!object) return m;
    prev = m;
    prevObject = true;
  }
  return null;
}

export function reportingVerbFollows(
  text: string,
  offset: number,
  tokens: Token[],
  m: Mention,
): boolean {
  let i = tokens.findIndex((t) => t.start === m.start);
  if (i < 0) return false;
  i += m.last - m.first + 1;
  let jumped = false;
  for (let steps = 0; steps < 8 && i < tokens.length; steps++) {
    const t = tokens[i] as Token;
    const prev = tokens[i - 1] as Token;
    const gap = text.slice(prev.end - offset, t.start - offset);
    if (!jumped && /[,(\u2014\u2013]|--/.test(gap)) {
      jumped = true;
      const closer = gap.includes('(') ? /\)/ : gap.includes(',') ? /,/ : /[\u2014\u2013]|--/;
      let found = -1;
      for (let k = i + 1; k < tokens.length && k - i < 20; k++) {
        const g = text.slice(
          (tokens[k - 1] as Token).end - offset,
          (tokens[k] as Token).start - offset,
        );
        if (closer.test(g)) {
          found = k;
          break;
        }
      }
      if (found < 0) return false;
      i = found;
      continue;
    }
    jumped = false;
    if (!t.cap && ASIDE_PREPS.has(t.low)) {
      // "The Leader in this meeting described…", "Mwangi for his part hailed…": a short phrase
      // without commas between the speaker and the verb.
      for (let k = i + 1; k < tokens.length && k - i <= 5; k++) {
        const g = text.slice(
          (tokens[k - 1] as Token).end - offset,
          (tokens[k] as Token).start - offset,
        );
        if (!/^\s+$/.test(g)) return false;
        const w = tokens[k] as Token;
        if (isReportingVerb(w.low, tokens[k + 1]?.low) && !w.cap) return k - i >= 2;
      }
      return false;
    }
    if (ADVERBS.has(t.low)) {
      i++;
      continue;
    }
    return isReportingVerb(t.low, tokens[i + 1]?.low) || isSayingPhrase(tokens, i);
  }
  return false;
}

/** A transcript paragraph that is really news: a named person's quotation with its attribution. */
export function looksLikeNews(p: Paragraph, known: KnownNames): boolean {
  if (!/[\u201c"]/.test(p.text)) return false;
  const { spans } = scanQuotes(p.text);
  if (spans.length === 0) return false;
  const first = spans[0] as { open: number };
  const tokens = tokenize(p.text.slice(0, Math.max(0, first.open)), p.start);
  if (tokens.length === 0) return false;
  const mentions = findMentions(p.text, tokens, p.start, known);
  const subj = findSubject(p.text, p.start, tokens, mentions);
  return !!subj && subj.kind !== 'pronoun' && reportingVerbFollows(p.text, p.start, tokens, subj);
}

/**
 * "… Report on Street Trees City Engineer Lund introduced …": no subject was found (the speaker
 * follows a glued heading's preposition), yet a mention is directly followed by a verb of saying.
 */
export function speakerAfterHeading(
  text: string,
  offset: number,
  sTokens: Token[],
  mentions: Mention[],
): Mention | null {
  for (const m of mentions) {
    if (m.kind === 'pronoun' || m.possessive) continue;
    const next = sTokens[sTokens.findIndex((t) => t.start === m.start) + m.last - m.first + 1];
    if (!next || !/^\s+$/.test(text.slice(m.end - offset, next.start - offset))) continue;
    if (/ed$/.test(next.low) && reportingVerbFollows(text, offset, sTokens, m)) return m;
  }
  return null;
}

/** "The ceasefire must hold, said the representative of Freedonia.": the speaker after the verb. */
export function invertedSpeaker(
  text: string,
  offset: number,
  sTokens: Token[],
  mentions: Mention[],
): Mention | null {
  return mentions.find((m) => saidBefore(text, offset, sTokens, m)) ?? null;
}

/** ", said the representative of Freedonia": a verb of saying after a comma, then the speaker. */
export function saidBefore(text: string, offset: number, sTokens: Token[], m: Mention): boolean {
  const at = sTokens.findIndex((t) => t.start === m.start);
  const verb = sTokens[at - 1];
  const before = sTokens[at - 2];
  if (m.kind === 'pronoun' || !verb || !before || verb.cap) return false;
  if (!/,\s*$/.test(text.slice(before.end - offset, verb.start - offset))) return false;
  return INVERSION_VERBS.has(verb.low);
}

/** Verbs that come before their speaker ("…, said the delegate"); "told X" takes an object. */
const INVERSION_VERBS = new Set(
  'said says added adds noted notes stressed stresses explained continued concluded insisted warned emphasized emphasised recalled observed replied'.split(
    ' ',
  ),
);

/**
 * Where reported speech starts: at the sentence, or at its speaker when scraping glued a heading
 * before it ("… Presentations 4.01) Presentation by … City Forester Buck introduced …").
 */
export function speechStart(text: string, offset: number, s: Span, subj: Mention): Span {
  const at = subj.start - offset;
  const lead = text.slice(s.start, at);
  if (wordCount(lead) < 2 || /,\s*$/.test(lead) || !/[\d)]/.test(lead)) return s;
  return { start: at, end: s.end };
}
