// Parsing one report (pure: text in, data out): title, date, people, and every attributed
// statement — quotes, paraphrases (reported speech) and transcript turns — with exact offsets.
import type { StatementKind } from './types.js';
import { personFromLabel, roleInfo, toParsedSpeaker } from './attribution/labels.js';
import { attributeTurns } from './attribution/turns.js';
import { readStructured } from './readers/index.js';
import {
  cleanTitle,
  detectLabel,
  findDate,
  isNoiseLine,
  isTitleCandidate,
  isTranscriptEnd,
  readFrontMatter,
} from './header.js';
import type { FrontMatter, Label } from './header.js';
import {
  detectStyledLabel,
  officeLabels,
  learnLabelStyle,
  startsWithStrongLabel,
} from './label-style.js';
import { splitProseParagraphs } from './layout.js';
import { findMentions, isReportingVerb, mayNameSomeone } from './mentions.js';
import type { Mention, KnownNames } from './mentions.js';
import {
  renamePerson,
  addAlias,
  addFixedRole,
  addName,
  addOffice,
  addRole,
  createRegistry,
  findByAlias,
  knownNames,
  knownNamesVersion,
  lookupName,
  resolveRole,
} from './people.js';
import type { Person, Registry } from './people.js';
import {
  continuesReport,
  hasJoinedSaying,
  isGroupStatement,
  isPassiveAfter,
  isProcedure,
  isRecordField,
  isRosterLine,
  joinWrappedLines,
  minutesTitle,
  rosterNames,
  isSayingPhrase,
  officeName,
  pronounOf,
  unglueHeadings,
} from './prose.js';
import {
  scanQuotes,
  splitParagraphs,
  splitSentences,
  splitStageNotes,
  startsWithOpenQuote,
  tokenize,
} from './text.js';
import type { Paragraph, Span, Token } from './text.js';

export type { ParsedReport, ParsedSpeaker, ParsedStatement, ParseWarning } from './report.js';
import type { ParsedReport } from './report.js';

type ParaKind = 'noise' | 'heading' | 'label' | 'turn' | 'text';

interface ParaInfo {
  p: Paragraph;
  kind: ParaKind;
  label: Label | null;
  tokens: Token[] | null;
}

interface OpenQuote {
  person: Person | null;
  context: string | null;
}

interface Draft {
  person: Person | null;
  kind: StatementKind;
  start: number;
  end: number;
  context: string | null;
  paragraph: number;
  line: number;
}

const MEETING_CUE =
  /\b(met|meet|meets|meeting|received|receiving|receives|attended|attending|attend|visit|visiting|visited|hosted|hosting|hosts|talks|entourage|delegation|accompanied|accompanying|presence|present|greeted|participated|joined|sat down)\b/i;

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

/** Parses one report. Never throws: problems become warnings and the rest is still read. */
export function parseReport(text: string, file: string): ParsedReport {
  const report: ParsedReport = {
    file,
    text,
    title: null,
    date: null,
    source: null,
    speakers: [],
    present: [],
    statements: [],
    warnings: [],
  };
  try {
    parseInto(report);
  } catch (err) {
    // A parser bug must not cost the user the whole corpus: keep what the file says it is.
    report.statements = [];
    report.warnings.push({
      line: 0,
      message: `could not be parsed (${err instanceof Error ? err.message : String(err)}); skipped`,
    });
  }
  return report;
}

function parseInto(r: ParsedReport): void {
  const text = r.text;
  const warn = (line: number, message: string) => r.warnings.push({ line, message });
  const nameDate = dateFromFileName(r.file);
  if (text.trim() === '') {
    warn(0, 'empty file: nothing to read');
    r.date = nameDate;
    return;
  }
  if (looksBinary(text)) {
    warn(0, 'looks like a binary file, not a text report; skipped');
    return;
  }
  const fm = readFrontMatter(text);
  for (const pr of fm.problems) warn(pr.line, pr.message);
  const reg = createRegistry();
  for (const part of fm.participants) {
    const person = addName(reg, part.name);
    person.fixed = true;
    renamePerson(reg, person, part.name);
    for (const a of part.aliases) addAlias(reg, person, a);
    if (part.role) addFixedRole(reg, person, roleInfo(part.role));
  }
  const structured = readStructured(text, r.file);
  if (structured) {
    // Captions, chats, logs and labelled transcripts: the reader found the turns.
    r.title = fm.title ?? structured.title ?? null;
    r.date = fm.date ?? structured.date ?? nameDate;
    r.source = fm.source;
    attributeTurns(r, structured, reg);
    r.title ??= titleFromFileName(r.file);
    return;
  }

  // Paragraphs are numbered from the top of the file, front matter included, as a reader counts.
  const fmParas = fm.bodyStart > 0 ? splitParagraphs(text.slice(0, fm.bodyStart)).length : 0;
  const paras = joinWrappedLines(
    text,
    splitProseParagraphs(text, fm.bodyStart, fm.bodyLine, fmParas + 1, startsWithStrongLabel),
    (line) => isRecordField(line) || detectLabel(line, () => false) !== null,
  );
  const glued = unglueHeadings(paras);
  const st: State = {
    r,
    reg,
    infos: classify(paras, reg),
    drafts: [],
    focus: null,
    current: null,
    open: null,
    intro: null,
    newsAgain: false,
    voice: null,
    known: knownNames(reg),
    knownSig: -1,
    labelPeople: new Map(),
    warn,
  };
  learnWhoIsWho(st);
  const titleIdx = readTitleAndDate(st, fm, nameDate);
  r.title ??= glued;
  // Second pass: statements. (Small functions: V8 compiles one giant loop body slowly.)
  for (let i = 0; i < st.infos.length; i++) readParagraph(st, i, titleIdx);
  const { drafts, infos } = st;
  trimCutOff(r, drafts, infos, warn);

  const speakers: Person[] = [];
  const speaking = new Set<Person>();
  for (const d of drafts) {
    if (!d.person || speaking.has(d.person)) continue;
    speaking.add(d.person);
    speakers.push(d.person);
  }
  r.statements = drafts.map((d) => ({
    speaker: d.person ? d.person.name : null,
    kind: d.kind,
    text: text.slice(d.start, d.end),
    context: d.context,
    paragraph: d.paragraph,
    start: d.start,
    end: d.end,
  }));
  r.speakers = speakers.map(toParsedSpeaker);
  r.present = reg.people
    .filter((p) => (p.present || p.fixed) && !p.generic && !speaking.has(p))
    .map(toParsedSpeaker);
  if (r.statements.length === 0)
    warn(
      paras[0]?.line ?? 1,
      'no statements found (no quotations, reported speech or transcript turns)',
    );
}

interface State {
  r: ParsedReport;
  reg: Registry;
  infos: ParaInfo[];
  drafts: Draft[];
  /** The person the report is talking about (what "he" and "the Leader" point at). */
  focus: Person | null;
  /** The transcript speaker whose label was last seen. */
  current: Person | null;
  /** A quotation still open at the end of the previous paragraph. */
  open: OpenQuote | null;
  /** "X said:" at the end of the previous paragraph. */
  intro: OpenQuote | null;
  /** "A spokesperson said:" alone on its line: the paragraphs after it are in that voice. */
  voice: OpenQuote | null;
  /** A news paragraph came after the transcript: read on as news until the next label. */
  newsAgain: boolean;
  known: KnownNames;
  knownSig: number;
  labelPeople: Map<number, Person | null>;
  warn: (line: number, message: string) => void;
}

/** Who is known changes as people are found; rebuild the lookup only when it did. */
function knownOf(st: State): KnownNames {
  const sig = knownNamesVersion(st.reg);
  if (sig !== st.knownSig) {
    st.knownSig = sig;
    st.known = knownNames(st.reg);
  }
  return st.known;
}

/**
 * First pass: learn who is who. Labels first, so "Jose Manuel Barroso" is known when a title
 * line says "President of the European Commission Jose Manuel Barroso"; "THE PRESIDENT" last,
 * once the text has said who the President is.
 */
function learnWhoIsWho(st: State): void {
  const byLabel = new Map<string, Person | null>();
  const known = () => knownOf(st);
  const isOffice = officeLabels(known);
  const resolveLabels = (roleLabels: boolean) => {
    for (const [i, info] of st.infos.entries()) {
      if (info.kind !== 'label' || !info.label) continue;
      if (isOffice(info.label.label) !== roleLabels) continue;
      // Transcripts repeat the same few labels: resolve each distinct one once.
      let person = byLabel.get(info.label.label);
      if (person === undefined) {
        person = personFromLabel(st.reg, info.label, known);
        byLabel.set(info.label.label, person);
      }
      st.labelPeople.set(i, person);
    }
  };
  resolveLabels(false);
  for (const info of st.infos) {
    if (info.kind === 'text' || info.kind === 'heading') learnPeople(st.reg, info, known);
    // "Present: Lanyon, Brown": bare surnames are people, known when "Lanyon asked" comes.
    for (const r of rosterNames(info.p.text)) {
      const person = addName(st.reg, r.name);
      person.present ||= r.present;
      if (r.office)
        addRole(st.reg, person, { text: r.office, head: r.office.toLowerCase(), quals: [] });
    }
  }
  resolveLabels(true);
}

/** Title and date from the header lines (before the first label); returns the title's index. */
function readTitleAndDate(st: State, fm: FrontMatter, nameDate: string | null): number {
  const { r, infos } = st;
  const header: ParaInfo[] = [];
  for (const info of infos) {
    if (info.kind === 'label') break;
    if (info.kind === 'noise') continue;
    header.push(info);
    if (header.length >= 10) break;
  }
  let titleIdx = -1;
  const heading = header.find((h) => h.kind === 'heading');
  if (heading) {
    titleIdx = infos.indexOf(heading);
    r.title = cleanTitle(heading.p.text) || null;
  } else {
    let best: ParaInfo | null = null;
    for (const h of header) {
      if (!isTitleCandidate(h.p.text) || isRosterLine(h.p.text)) continue;
      if (!best || wordCount(h.p.text) > wordCount(best.p.text)) best = h;
    }
    if (best) {
      titleIdx = infos.indexOf(best);
      r.title = cleanTitle(best.p.text);
    }
  }
  r.title = minutesTitle(
    infos.map((x) => x.p),
    titleIdx,
    r.title,
  );
  // "Meeting with President of Azerbaijan Ilham Aliyev": whoever the title names was there.
  const titleInfo = infos[titleIdx];
  if (titleInfo?.tokens)
    markPresent(titleInfo.p.text, titleInfo.p.start, titleInfo.tokens, knownOf(st), st.reg);
  for (const info of infos.slice(0, 40)) {
    if (info.kind === 'noise') continue;
    const d = findDate(info.p.text);
    if (d) {
      r.date = d;
      break;
    }
  }
  r.date ??= nameDate;
  if (fm.title) r.title = fm.title;
  if (fm.date) r.date = fm.date;
  r.source = fm.source;
  return titleIdx;
}

function resolveMention(st: State, m: Mention): Person | null {
  if (m.kind === 'pronoun') return pronounTarget(st, m);
  if (m.kind === 'name' && m.name) {
    const p = addName(st.reg, m.name, { alias: m.alias });
    p.pronoun ??= pronounOf(m.text);
    if (m.alias !== p.name) addAlias(st.reg, p, m.alias);
    if (m.role && m.head) addRole(st.reg, p, { text: m.role, head: m.head, quals: m.quals });
    return p;
  }
  const p = resolveRole(st.reg, m, st.focus);
  if (p) {
    addAlias(st.reg, p, m.text);
    if ((p.roles.length === 0 || m.quals.length > 0) && m.role && m.head)
      addRole(st.reg, p, { text: m.role, head: m.head, quals: m.quals });
  }
  return p;
}

/**
 * Whom "he" or "she" means: the person in focus, unless the report has told that the focus is
 * the other ("Ms. Reyes asked … He replied …"): then the last person it has told is.
 */
function pronounTarget(st: State, m: Mention): Person | null {
  const said = m.text.toLowerCase();
  const want = said === 'he' ? 'he' : said === 'she' ? 'she' : null;
  const focus = st.focus;
  if (!want || !focus) return focus;
  if (!focus.pronoun) {
    focus.pronoun = want;
    return focus;
  }
  if (focus.pronoun === want) return focus;
  let best: Person | null = null;
  for (const p of st.reg.people)
    if (p.pronoun === want && !p.generic && (!best || p.seen > best.seen)) best = p;
  return best ?? focus;
}

function pushDraft(
  st: State,
  person: Person | null,
  kind: StatementKind,
  p: Paragraph,
  span: Span,
  context: string | null,
): void {
  st.drafts.push({
    person,
    kind,
    start: p.start + span.start,
    end: p.start + span.end,
    context,
    paragraph: p.n,
    line: p.line,
  });
}

function readParagraph(st: State, i: number, titleIdx: number): void {
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

/** A sentence without quotations: reported speech when a person is its subject and says something. */
function readPlainSentence(
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

/**
 * "… Report on Street Trees City Engineer Lund introduced …": no subject was found (the speaker
 * follows a glued heading's preposition), yet a mention is directly followed by a verb of saying.
 */
function speakerAfterHeading(
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
function invertedSpeaker(
  text: string,
  offset: number,
  sTokens: Token[],
  mentions: Mention[],
): Mention | null {
  return mentions.find((m) => saidBefore(text, offset, sTokens, m)) ?? null;
}

/** ", said the representative of Freedonia": a verb of saying after a comma, then the speaker. */
function saidBefore(text: string, offset: number, sTokens: Token[], m: Mention): boolean {
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

function namedElsewhere(
  st: State,
  person: Person | null,
  subj: Mention,
  mentions: Mention[],
): boolean {
  return (
    !!person &&
    mentions.some(
      (m) => m !== subj && m.kind === 'name' && !!m.name && lookupName(st.reg, m.name) === person,
    )
  );
}

/** Someone known only by office ("The representative of the United States emphasized …"). */
function addOfficeHolder(st: State, p: Paragraph, m: Mention): Person | null {
  if (m.kind !== 'role' || !m.head) return null;
  return addOffice(st.reg, officeName(p.text, p.start, m), {
    text: m.role ?? m.text,
    head: m.head,
    quals: m.quals,
  });
}

/**
 * Where reported speech starts: at the sentence, or at its speaker when scraping glued a heading
 * before it ("… Presentations 4.01) Presentation by … City Forester Buck introduced …").
 */
function speechStart(text: string, offset: number, s: Span, subj: Mention): Span {
  const at = subj.start - offset;
  const lead = text.slice(s.start, at);
  if (wordCount(lead) < 2 || /,\s*$/.test(lead) || !/[\d)]/.test(lead)) return s;
  return { start: at, end: s.end };
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/** "ethereum-acdt-2026-03.vtt" → "ethereum acdt 2026 03": a title when the file states none. */
export function titleFromFileName(file: string): string | null {
  const base = (file.split(/[\\/]/).pop() ?? '').replace(/\.[^.]+$/, '');
  const words = base.replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();
  return /\p{L}/u.test(words) ? words : null;
}

export function dateFromFileName(file: string): string | null {
  const base = file.split(/[\\/]/).pop() ?? '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(base);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8000);
  if (sample.includes('\u0000')) return true;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) bad++;
  }
  return bad > sample.length * 0.1;
}

function classify(paras: Paragraph[], reg: Registry): ParaInfo[] {
  const out: ParaInfo[] = [];
  let transcript = false;
  let content = 0;
  const isKnown = (label: string) => findByAlias(reg, label) !== null;
  const style = learnLabelStyle(
    paras.map((p) => p.text),
    isKnown,
  );
  for (const p of paras) {
    const info: ParaInfo = { p, kind: 'text', label: null, tokens: null };
    out.push(info);
    if (isNoiseLine(p.text)) {
      info.kind = 'noise';
      if (transcript && isTranscriptEnd(p.text)) transcript = false;
      continue;
    }
    if (/^#{1,6}\s/.test(p.text)) {
      info.kind = 'heading';
      transcript = false;
      content++;
      continue;
    }
    const label =
      isRecordField(p.text) || isAssignmentList(p, paras)
        ? null
        : detectStyledLabel(p.text, isKnown, style);
    // A "Name: words" line at the very top without sentence punctuation is a headline (a label
    // alone on its line, "President Vladimir Putin:", introduces the paragraphs below).
    const headline =
      label &&
      !label.caps &&
      content < 3 &&
      label.textStart < p.text.length &&
      !/[.!?\u2026\u201d"]$/.test(p.text);
    if (label && !headline) {
      info.kind = 'label';
      info.label = label;
      transcript = true;
    } else if (transcript && isPageMetadata(p.text)) info.kind = 'noise';
    else if (transcript) info.kind = 'turn';
    content++;
  }
  return out;
}

/**
 * "Human Services Committee: Alderman Lanyon" followed by "Police Services Committee: Chief
 * Jacobi": a list that assigns people to posts, not a transcript. Each line's value is a bare
 * name (capitalised words, no sentence end), and the next line has the same shape.
 */
function isAssignmentList(p: Paragraph, paras: Paragraph[]): boolean {
  const lines = p.text.split('\n');
  if (!isAssignmentLine(lines[0] ?? '')) return false;
  if (lines.length > 1) return isAssignmentLine(lines[1] ?? '');
  // A list's lines stand alone: its neighbour above or below has the same shape.
  const i = paras.indexOf(p);
  const next = paras[i + 1];
  const prev = paras[i - 1];
  return (
    (!!next && isAssignmentLine(next.text.split('\n')[0] ?? '')) ||
    (!!prev && isAssignmentLine(prev.text.split('\n').at(-1) ?? ''))
  );
}

function isAssignmentLine(line: string): boolean {
  const m = /^([^:]{2,60}):[ \t]+(.+)$/.exec(line.trim());
  if (!m || !m[2]) return false;
  const value = m[2].trim();
  if (/[.!?\u2026"\u201d,;]$/.test(value.replace(/\b(?:Mr|Mrs|Ms|Dr|Ald|Rev|Jr)\.$/, '')))
    return false;
  const words = value.split(/\s+/);
  return words.length <= 5 && words.every((w) => /^(\p{Lu}|\p{Lu}\p{Ll}*\.?$)/u.test(w));
}

const METADATA_WORDS =
  /\b(published|publication|date|link|direct|sections?|status|tags?|topics?|persons|geography|source|photo|video|author|updated|posted|categor(y|ies)|keywords?|share|print|location|place|time|version|url)\b/i;

/** "Publication date: June 13, 2018" and the like at the foot of a transcript page. */
function isPageMetadata(p: string): boolean {
  const m = /^(\p{Lu}\p{Ll}+(?: \p{Ll}+){0,2}):/u.exec(p);
  return !!m && METADATA_WORDS.test(m[1] ?? '') && p.length < 200;
}

/** First pass over a news paragraph: names, titles and appositive roles ("X, the Prime Minister of Iraq,"). */
function learnPeople(reg: Registry, info: ParaInfo, knownOf: () => KnownNames): void {
  const p = info.p;
  const text = p.text;
  const tokens = tokenizeOutsideQuotes(text, p.start);
  info.tokens = tokens;
  if (!mayNameSomeone(text, p.start, tokens)) return;
  const mentions = findMentions(text, tokens, p.start, knownOf());
  let prev: { m: Mention; person: Person } | null = null;
  for (const m of mentions) {
    if (m.kind === 'name' && m.name) {
      const person = addName(reg, m.name, {
        alias: m.alias,
        role: m.role && m.head ? { text: m.role, head: m.head, quals: m.quals } : null,
      });
      prev = { m, person };
    } else if (
      m.kind === 'role' &&
      prev &&
      isAppositive(text, p.start, prev.m, m, tokens) &&
      m.role &&
      m.head
    ) {
      addRole(reg, prev.person, { text: m.role, head: m.head, quals: m.quals });
      addAlias(reg, prev.person, m.text);
    } else prev = null;
  }
}

/**
 * Tokens of the text outside quotation marks: who speaks is told outside the quotes, and
 * skipping quoted words halves the work of reading a news report.
 */
function tokenizeOutsideQuotes(text: string, offset: number): Token[] {
  const { spans } = scanQuotes(text);
  if (spans.length === 0) return tokenize(text, offset);
  const out: Token[] = [];
  let from = 0;
  for (const sp of spans) {
    const open = sp.open < 0 ? 0 : sp.open;
    if (open > from) for (const t of tokenize(text.slice(from, open), offset + from)) out.push(t);
    from = sp.close < 0 ? text.length : sp.close + 1;
  }
  if (from < text.length) for (const t of tokenize(text.slice(from), offset + from)) out.push(t);
  return out;
}

/** A transcript paragraph that is really news: a named person's quotation with its attribution. */
function looksLikeNews(p: Paragraph, known: KnownNames): boolean {
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
 * "Aliyev, the president of Azerbaijan, said": the role describes the name before it. Not when
 * the role goes on to say something itself ("…attended by President Rouhani, the Pakistani Prime
 * Minister expressed his pleasure"): then it is a new subject.
 */
function isAppositive(
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

function findSubject(
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

function reportingVerbFollows(text: string, offset: number, tokens: Token[], m: Mention): boolean {
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

function markPresent(
  text: string,
  offset: number,
  tokens: Token[],
  known: KnownNames,
  reg: Registry,
  mentions?: Mention[],
): void {
  if (tokens.length === 0) return;
  const first = tokens[0] as Token;
  const last = tokens[tokens.length - 1] as Token;
  const sentence = text.slice(first.start - offset, last.end - offset);
  if (!MEETING_CUE.test(sentence)) return;
  for (const m of mentions ?? findMentions(text, tokens, offset, known)) {
    if (m.kind !== 'name' || !m.name) continue;
    const p = lookupName(reg, m.name);
    if (p) p.present = true;
  }
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

function trimSentence(text: string, s: Span): Span | null {
  let a = s.start;
  let b = s.end;
  while (a < b && /\s/.test(text[a] ?? '')) a++;
  while (b > a && /\s/.test(text[b - 1] ?? '')) b--;
  if (!/[\p{L}\p{N}]/u.test(text.slice(a, b))) return null;
  return { start: a, end: b };
}

function nextContent(infos: ParaInfo[], i: number): ParaInfo | null {
  for (let k = i + 1; k < infos.length; k++) {
    const x = infos[k] as ParaInfo;
    if (x.kind !== 'noise') return x;
  }
  return null;
}

const TERMINAL = /[.!?\u2026"\u201d\u2019')\]\u2014\u2013-]$/;

/** A report cut off mid-sentence: its last statement keeps only complete sentences. */
function trimCutOff(
  r: ParsedReport,
  drafts: Draft[],
  infos: ParaInfo[],
  warn: (line: number, message: string) => void,
): void {
  let lastContent: ParaInfo | null = null;
  for (let k = infos.length - 1; k >= 0; k--) {
    const x = infos[k] as ParaInfo;
    if (x.kind !== 'noise') {
      lastContent = x;
      break;
    }
  }
  if (!lastContent || TERMINAL.test(lastContent.p.text)) return;
  const d = drafts[drafts.length - 1];
  if (!d || d.paragraph !== lastContent.p.n || d.end !== lastContent.p.end) return;
  const t = r.text.slice(d.start, d.end);
  let cut = -1;
  for (const m of t.matchAll(/[.!?\u2026]["\u201d\u2019')\]]*(?=\s)/g))
    cut = (m.index ?? 0) + m[0].length;
  const lastWord = t.search(/\s+\S*$/);
  if (cut <= 0 && wordCount(t) >= 8 && lastWord > 0) {
    // One long unfinished sentence is still worth finding: keep it, less its last (cut) word.
    warn(
      lastContent.p.line,
      'the report seems cut off mid-sentence; the last statement is unfinished',
    );
    d.end = d.start + lastWord;
    return;
  }
  warn(
    lastContent.p.line,
    'the report seems cut off mid-sentence; the unfinished sentence is left out',
  );
  if (cut <= 0) drafts.pop();
  else d.end = d.start + cut;
}
