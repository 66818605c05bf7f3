// A transcript's label style, learned from the document itself: which label shapes recur
// ("Q200 Chairman:", a one-word "Chairman:" that opens several paragraphs, capitals only), so
// a shape the document uses throughout reads as a label and a one-off look-alike does not.
import { COMMON_CAPS, detectLabel, hasTitleWord, isNoiseLine } from './header.js';
import type { Label } from './header.js';
import { findMentions, titleCase } from './mentions.js';
import type { KnownNames } from './mentions.js';
import { tokenize } from './text.js';

export interface LabelStyle {
  /** Turns carry committee question numbers before the label ("Q200 Chairman:"). */
  numbered: boolean;
  /** Labels (lower case) that open two or more paragraphs: this document's speakers. */
  recurring: ReadonlySet<string>;
  /** One-word labels ("Chairman:", "Varga:") recur: any such word opening a paragraph is one. */
  oneWord: boolean;
  /** The labels are in capitals ("PRESIDENT BIDEN:", "Q"): a mixed-case one-off is not one. */
  capsOnly: boolean;
  /** Paragraphs that open with a label: with fewer than two the file is no transcript. */
  labels: number;
}

/** "Q200 " before a label: the number of a committee's question. */
const QUESTION_NUMBER = /^Q ?\d{1,5}[.:]?[ \t\u00a0]+(?=\p{Lu})/u;

/** A heading glued to the label by page scraping: "Opening TalksMayor Elena Varga:". */
const GLUED = /\p{Ll}{3}(?=\p{Lu}\p{Ll})/u;

/** Learns the label style from a document's paragraphs. */
export function learnLabelStyle(
  paragraphs: readonly string[],
  isKnown: (label: string) => boolean,
): LabelStyle {
  const counts = new Map<string, number>();
  const mixedCounts = new Map<string, number>();
  // Shapes read as labels only once the document shows they recur.
  const weakCounts = new Map<string, number>();
  const oneWords = new Set<string>();
  let oneWord = 0;
  let numbered = 0;
  let caps = 0;
  let mixed = 0;
  // Capitals alone on a line may be a speaker or a running page header: counted apart.
  const alone = new Map<string, number>();
  let prevAlone = false;
  for (const p of paragraphs) {
    if (isNoiseLine(p)) continue;
    const num = QUESTION_NUMBER.exec(p);
    const body = num ? p.slice(num[0].length) : p;
    // Any label shape, whoever it names: whether it recurs is what tells.
    const shape = detectLabel(body, () => true);
    const capsAlone = !!shape && shape.caps && !/:\s*$/.test(body);
    if (capsAlone && !prevAlone) {
      const key = shape.label.toLowerCase();
      alone.set(key, (alone.get(key) ?? 0) + 1);
    }
    prevAlone = capsAlone;
    if (!shape || capsAlone) continue;
    if (num) numbered++;
    const key = shape.label.toLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (!shape.caps && !key.includes(' ') && isSpeakerLike(key)) {
      oneWord++;
      oneWords.add(key);
    }
    const label = detectLabel(body, isKnown);
    if (label?.caps) caps++;
    else if (label) {
      mixed++;
      mixedCounts.set(key, (mixedCounts.get(key) ?? 0) + 1);
    } else weakCounts.set(key, (weakCounts.get(key) ?? 0) + 1);
  }
  const recurring = new Set<string>();
  // One label repeated is a monologue or a page header; a style needs two speakers.
  if (counts.size >= 2) {
    for (const [key, n] of counts) if (n >= 2 && isSpeakerLike(key)) recurring.add(key);
  }
  // Two speakers in capitals, each alone on a line more than once, never one after the other.
  const aloneSpeakers = [...alone].filter(([label, n]) => n >= 2 && isSpeakerLike(label));
  if (aloneSpeakers.length >= 2) for (const [label] of aloneSpeakers) recurring.add(label);
  let labels = caps + mixed;
  for (const key of recurring) labels += weakCounts.get(key) ?? 0;
  const mixedRecur = [...mixedCounts.values()].some((n) => n >= 2);
  return {
    numbered: numbered >= 2,
    recurring,
    oneWord: oneWord >= 3 && [...oneWords].some((key) => recurring.has(key)),
    capsOnly: caps >= 3 && !mixedRecur && mixed * 3 <= caps,
    labels,
  };
}

/** Words that head a record's lists ("Present:", "Witnesses:", "Apologies:"), never a speaker. */
const RECORD_WORDS = new Set(
  'present absent apologies attendance attending attendees participants members witness witnesses guests also in invited action actions decision decisions resolved motion vote votes outcome outcomes'.split(
    ' ',
  ),
);

/** A label word list that could name a speaker: no heading, sentence-opener or list words. */
function isSpeakerLike(key: string): boolean {
  return (
    !/\d/.test(key) && !key.split(/\s+/).some((w) => COMMON_CAPS.has(w)) && !isRecordHeading(key)
  );
}

/** "PRESENT", "Members present", "In attendance": the head of a list, not a label. */
function isRecordHeading(label: string): boolean {
  return label
    .toLowerCase()
    .split(/\s+/)
    .every((w) => RECORD_WORDS.has(w));
}

/** A transcript label at the start of a paragraph, read in the document's label style. */
export function detectStyledLabel(
  p: string,
  isKnown: (label: string) => boolean,
  style: LabelStyle,
): Label | null {
  const known = (l: string) =>
    isKnown(l) ||
    style.recurring.has(l.toLowerCase()) ||
    (style.oneWord && !/\s/.test(l) && isSpeakerLike(l.toLowerCase()));
  const num = style.numbered ? QUESTION_NUMBER.exec(p) : null;
  if (num) {
    // The number says a turn starts here, so any label shape after it is one.
    const rest = p.slice(num[0].length);
    const l = detectLabel(rest, (x) => isSpeakerLike(x.toLowerCase()) || known(x));
    if (l) return { ...l, textStart: num[0].length + l.textStart };
  }
  const label = detectLabel(p, known);
  if (label && isRecordHeading(label.label)) return null;
  if (!label || label.caps) return label;
  const glued = GLUED.exec(label.label);
  if (glued) {
    const at = p.indexOf(label.label) + glued.index + glued[0].length;
    const rest = detectStyledLabel(p.slice(at), isKnown, style);
    return rest ? { ...rest, textStart: at + rest.textStart } : null;
  }
  if (known(label.label) || hasTitleWord(label.label)) return label;
  // Mixed-case words and a colon, with no title and no name the file knows: a label only in a
  // transcript, and only in one whose labels are not all in capitals.
  const words = label.label.split(/\s+/).length;
  if (words > 1 && (style.capsOnly || style.labels < 2)) return null;
  return label;
}

/** A line that opens a turn in the strong shapes (capitals, "Q"): a wrapped block breaks there. */
export function startsWithStrongLabel(line: string): boolean {
  const l = detectLabel(line, () => false);
  return l !== null && l.caps && l.textStart < line.length;
}

/**
 * Whether a label is an office and no name ("THE PRESIDENT", "PRIME MINISTER", "Chairman"):
 * who holds it is read from the text, so it is resolved once the text's people are known.
 * Each label is judged once, so both passes over the labels agree.
 */
export function officeLabels(known: () => KnownNames): (label: string) => boolean {
  const seen = new Map<string, boolean>();
  return (label) => {
    let office = seen.get(label);
    if (office === undefined) {
      office = isOfficeLabel(label, known());
      seen.set(label, office);
    }
    return office;
  };
}

function isOfficeLabel(label: string, known: KnownNames): boolean {
  if (/^the\s/i.test(label)) return true;
  const text = /\p{Ll}/u.test(label) ? label : titleCase(label);
  const m = findMentions(text, tokenize(text), 0, known)[0];
  return !!m && m.kind === 'role' && m.start === 0 && m.end >= text.replace(/[\s.:]+$/, '').length;
}
