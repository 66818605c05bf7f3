// The prose path: news reports, readouts, minutes and transcripts in paragraphs, read in two
// passes over classified paragraphs (who is who, then statements).
import type { FrontMatter } from '../header.js';
import { detectLabel } from '../header.js';
import { startsWithStrongLabel } from '../label-style.js';
import { splitProseParagraphs } from '../layout.js';
import { knownNames } from '../people.js';
import type { Person, Registry } from '../people.js';
import type { ParsedReport } from '../report.js';
import { splitParagraphs } from '../text.js';
import { toParsedSpeaker } from '../attribution/labels.js';
import { isRecordField, joinWrappedLines, unglueHeadings } from './rules.js';
import type { State } from './state.js';
import { learnWhoIsWho, readTitleAndDate } from './who-is-who.js';
import { classify } from './classify.js';
import { readParagraph } from './news.js';
import { trimCutOff } from './cut-off.js';

/** Fills `r` from a prose file (front matter already read, its participants in `reg`). */
export function readProse(
  r: ParsedReport,
  fm: FrontMatter,
  reg: Registry,
  nameDate: string | null,
): void {
  const text = r.text;
  const warn = (line: number, message: string) => r.warnings.push({ line, message });
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
