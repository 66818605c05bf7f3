// Reported speech without quotation marks: 'X said that …', office holders, group statements.
import { findMentions } from '../mentions.js';
import type { Mention, KnownNames } from '../mentions.js';
import { resolveRole } from '../people.js';
import {
  continuesReport,
  hasJoinedSaying,
  isGroupStatement,
  isPassiveAfter,
  isProcedure,
} from './rules.js';
import type { Paragraph, Span, Token } from '../text.js';
import { type State, resolveMention, pushDraft, namedElsewhere, addOfficeHolder } from './state.js';
import {
  findSubject,
  reportingVerbFollows,
  speakerAfterHeading,
  invertedSpeaker,
  saidBefore,
  speechStart,
} from './subject.js';
import { markPresent } from './who-is-who.js';

/** A sentence without quotations: reported speech when a person is its subject and says something. */
export function readPlainSentence(
  st: State,
  p: Paragraph,
  s: Span,
  sTokens: Token[],
  known: KnownNames,
): void {
  const ptext = p.text;
  const mentions = findMentions(ptext, sTokens, p.start, known);
  markPresent(ptext, p.start, sTokens, known, st.reg, mentions);
  const subj = findSubject(ptext, p.start, sTokens, mentions);
  // "According to the Leader, ..." reports what the Leader said.
  const m0 = mentions[0];
  if (
    !subj &&
    m0 &&
    m0.kind !== 'pronoun' &&
    sTokens[0]?.low === 'according' &&
    sTokens[1]?.low === 'to' &&
    m0.start === sTokens[2]?.start
  ) {
    const person = resolveMention(st, m0);
    const span = trimSentence(ptext, s);
    if (person && span) {
      pushDraft(st, person, 'paraphrase', p, span, null);
      st.focus = person;
    }
    return;
  }
  if (!subj) {
    const glued =
      speakerAfterHeading(ptext, p.start, sTokens, mentions) ??
      invertedSpeaker(ptext, p.start, sTokens, mentions);
    if (glued) readPlainSentenceAs(st, p, s, sTokens, glued, mentions);
    else readUnclaimed(st, p, s, sTokens);
    return;
  }
  readPlainSentenceAs(st, p, s, sTokens, subj, mentions);
}

/** A sentence whose subject is `subj`: reported speech when the subject says something. */
function readPlainSentenceAs(
  st: State,
  p: Paragraph,
  s: Span,
  sTokens: Token[],
  subj: Mention,
  mentions: Mention[],
): void {
  const ptext = p.text;
  const after = sTokens.findIndex((t) => t.start === subj.start) + subj.last - subj.first + 1;
  const says =
    (reportingVerbFollows(ptext, p.start, sTokens, subj) ||
      hasJoinedSaying(sTokens, subj.last + 1) ||
      saidBefore(ptext, p.start, sTokens, subj)) &&
    !isPassiveAfter(sTokens, after) &&
    !isProcedure(ptext.slice(s.start, s.end));
  // "A spokesperson said": someone not yet met, whoever else holds that office.
  const indefinite = subj.kind === 'role' && /^an?\s/i.test(subj.text);
  // "The Prime Minister spoke to Prime Minister Berg": an office named beside its holder's name
  // is someone else's; an office nobody holds yet is someone new.
  const other =
    subj.kind === 'role' && namedElsewhere(st, resolveRole(st.reg, subj, st.focus), subj, mentions);
  let person = indefinite || other ? null : resolveMention(st, subj);
  const office = subj.kind === 'role' && /^the\s/i.test(subj.text);
  person ??= office || says ? addOfficeHolder(st, p, subj) : null;
  if (!person || !says) {
    readUnclaimed(st, p, s, sTokens);
    if (person) st.focus = person;
    return;
  }
  const span = trimSentence(ptext, speechStart(ptext, p.start, s, subj));
  if (span && /:$/.test(ptext.slice(span.start, span.end)) && span.end >= ptext.length - 1) {
    // "The Leader said:" introduces what follows; it says nothing itself.
    st.intro = { person, context: ptext.slice(span.start, span.end) };
    // Alone on its line and said through an office ("A Downing Street spokesperson said:"), it
    // opens a readout: the paragraphs after it are in that voice.
    const spokesperson = subj.kind === 'role' || /spokes|secretary/.test(subj.head ?? '');
    if (span.start === 0 && spokesperson) st.voice = st.intro;
  } else if (span) pushDraft(st, person, 'paraphrase', p, span, null);
  st.focus = person;
}

/**
 * A sentence whose subject says nothing itself: a group's statement ("Members discussed …"), a
 * sentence going on with the report before it ("In addition, …"), or the readout's own voice.
 */
function readUnclaimed(st: State, p: Paragraph, s: Span, sTokens: Token[]): void {
  const span = trimSentence(p.text, s);
  if (!span || isProcedure(p.text.slice(span.start, span.end))) return;
  if (isGroupStatement(p.text, p.start, sTokens)) {
    pushDraft(st, null, 'paraphrase', p, span, null);
    return;
  }
  const prev = st.drafts[st.drafts.length - 1];
  const adjoins =
    prev?.paragraph === p.n && !/\S/.test(p.text.slice(prev.end - p.start, span.start));
  if (
    prev?.person &&
    prev.kind === 'paraphrase' &&
    adjoins &&
    continuesReport(p.text, p.start, sTokens)
  ) {
    pushDraft(st, prev.person, 'paraphrase', p, span, null);
    return;
  }
  if (!st.voice) return;
  if (prev && adjoins && prev.kind === 'turn' && prev.person === st.voice.person)
    prev.end = p.start + span.end;
  else pushDraft(st, st.voice.person, 'turn', p, span, st.voice.context);
}

function trimSentence(text: string, s: Span): Span | null {
  let a = s.start;
  let b = s.end;
  while (a < b && /\s/.test(text[a] ?? '')) a++;
  while (b > a && /\s/.test(text[b - 1] ?? '')) b--;
  if (!/[\p{L}\p{N}]/u.test(text.slice(a, b))) return null;
  return { start: a, end: b };
}
