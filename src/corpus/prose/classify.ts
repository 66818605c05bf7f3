// Paragraph kinds in prose: furniture, headings, transcript labels and turns, narrative text.
import { isNoiseLine, isTranscriptEnd } from '../header.js';
import { detectStyledLabel, learnLabelStyle } from '../label-style.js';
import { findByAlias } from '../people.js';
import type { Registry } from '../people.js';
import { isRecordField } from './rules.js';
import type { Paragraph } from '../text.js';
import { type ParaInfo } from './state.js';

export function classify(paras: Paragraph[], reg: Registry): ParaInfo[] {
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
