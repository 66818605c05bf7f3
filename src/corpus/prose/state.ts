// The prose parser's state: one report's paragraphs, drafts and focus, and the small steps
// every pass uses (resolving a mention, recording a statement).
import type { StatementKind } from '../types.js';
import type { Label } from '../header.js';
import type { Mention, KnownNames } from '../mentions.js';
import {
  addAlias,
  addName,
  addOffice,
  addRole,
  knownNames,
  knownNamesVersion,
  lookupName,
  resolveRole,
} from '../people.js';
import type { Person, Registry } from '../people.js';
import { officeName, pronounOf } from './rules.js';
import type { Paragraph, Span, Token } from '../text.js';
import type { ParsedReport } from '../report.js';

type ParaKind = 'noise' | 'heading' | 'label' | 'turn' | 'text';

export interface ParaInfo {
  p: Paragraph;
  kind: ParaKind;
  label: Label | null;
  tokens: Token[] | null;
}

export interface OpenQuote {
  person: Person | null;
  context: string | null;
}

export interface Draft {
  person: Person | null;
  kind: StatementKind;
  start: number;
  end: number;
  context: string | null;
  paragraph: number;
  line: number;
}

export interface State {
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
export function knownOf(st: State): KnownNames {
  const sig = knownNamesVersion(st.reg);
  if (sig !== st.knownSig) {
    st.knownSig = sig;
    st.known = knownNames(st.reg);
  }
  return st.known;
}

export function resolveMention(st: State, m: Mention): Person | null {
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

export function pushDraft(
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

export function namedElsewhere(
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
export function addOfficeHolder(st: State, p: Paragraph, m: Mention): Person | null {
  if (m.kind !== 'role' || !m.head) return null;
  return addOffice(st.reg, officeName(p.text, p.start, m), {
    text: m.role ?? m.text,
    head: m.head,
    quals: m.quals,
  });
}

export function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

export function nextContent(infos: ParaInfo[], i: number): ParaInfo | null {
  for (let k = i + 1; k < infos.length; k++) {
    const x = infos[k] as ParaInfo;
    if (x.kind !== 'noise') return x;
  }
  return null;
}
