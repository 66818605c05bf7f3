// First pass over prose: who is who (labels, names, roles, who was present), title and date.
import { personFromLabel } from '../attribution/labels.js';
import { cleanTitle, findDate, isTitleCandidate } from '../header.js';
import type { FrontMatter } from '../header.js';
import { officeLabels } from '../label-style.js';
import { findMentions, mayNameSomeone } from '../mentions.js';
import type { Mention, KnownNames } from '../mentions.js';
import { addAlias, addName, addRole, lookupName } from '../people.js';
import type { Person, Registry } from '../people.js';
import { isRosterLine, minutesTitle, rosterNames } from './rules.js';
import { scanQuotes, tokenize } from '../text.js';
import type { Token } from '../text.js';
import { type ParaInfo, type State, knownOf, wordCount } from './state.js';
import { isAppositive } from './subject.js';

const MEETING_CUE =
  /\b(met|meet|meets|meeting|received|receiving|receives|attended|attending|attend|visit|visiting|visited|hosted|hosting|hosts|talks|entourage|delegation|accompanied|accompanying|presence|present|greeted|participated|joined|sat down)\b/i;

export function markPresent(
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

/**
 * First pass: learn who is who. Labels first, so "Jose Manuel Barroso" is known when a title
 * line says "President of the European Commission Jose Manuel Barroso"; "THE PRESIDENT" last,
 * once the text has said who the President is.
 */
export function learnWhoIsWho(st: State): void {
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

/** Title and date from the header lines (before the first label); returns the title's index. */
export function readTitleAndDate(st: State, fm: FrontMatter, nameDate: string | null): number {
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
