// Attribution for readers that find labelled speech (captions, chats, logs, labelled
// transcripts): each distinct label becomes one person of the report, blocks become turns.
import type { ParsedReport } from '../report.js';
import { splitStageNotes } from '../text.js';
import type { KnownNames } from '../mentions.js';
import { addAlias, addRole, knownNames } from '../people.js';
import type { Person, Registry } from '../people.js';
import type { ReadResult } from '../readers/types.js';
import { paragraphCounter } from '../readers/lines.js';
import { personFromLabel, roleInfo, toParsedSpeaker } from './labels.js';

/** Fills `r` (title, date, speakers, present, statements) from a reader's blocks. */
export function attributeTurns(r: ParsedReport, read: ReadResult, reg: Registry): void {
  const text = r.text;
  for (const w of read.warnings) r.warnings.push(w);
  if (read.title && !r.title) r.title = read.title;
  if (read.date && !r.date) r.date = read.date;
  const paragraphOf = paragraphCounter(text);
  const byLabel = new Map<string, Person | null>();
  let known: KnownNames | null = null;
  const resolve = (label: string, role?: string): Person | null => {
    const seen = byLabel.get(label);
    if (seen !== undefined) {
      // Listed as present first, the label may bring its role only with a turn.
      if (seen && role) addRole(reg, seen, roleInfo(role));
      return seen;
    }
    const caps = /\p{Lu}/u.test(label) && !/\p{Ll}/u.test(label);
    const person = personFromLabel(reg, { label, textStart: 0, caps }, () => {
      known ??= knownNames(reg);
      return known;
    });
    known = null;
    if (person && role) {
      const info = roleInfo(role);
      addRole(reg, person, info);
    }
    byLabel.set(label, person);
    return person;
  };
  // People the file lists as present come first: their full names ("ROBERT A. LONG, ESQ.") are
  // what the short turn labels ("MR. LONG") then resolve to.
  const listed = (read.present ?? []).map((label) => resolve(label, read.presentRoles?.get(label)));
  const speakers: Person[] = [];
  const speaking = new Set<Person>();
  for (const b of read.blocks) {
    const person = b.label === null ? null : resolve(b.label, b.role);
    if (person && b.alias) addAlias(reg, person, b.alias);
    if (person && !speaking.has(person)) {
      speaking.add(person);
      speakers.push(person);
    }
    const body = text.slice(b.start, b.end);
    for (const seg of splitStageNotes(body, 0)) {
      const start = b.start + seg.start;
      const end = b.start + seg.end;
      const parts = piecesWithin(text, b.parts, start, end);
      r.statements.push({
        speaker: person ? person.name : null,
        kind: b.kind ?? 'turn',
        text: text.slice(start, end),
        context: b.context ?? null,
        paragraph: paragraphOf(start),
        start,
        end,
        ...(b.time ? { time: b.time } : {}),
        ...(parts ? { parts } : {}),
      });
    }
  }
  const presentPeople: Person[] = [];
  for (const p of listed) {
    if (!p || p.generic || speaking.has(p)) continue;
    speaking.add(p);
    presentPeople.push(p);
  }
  r.speakers = speakers.map(toParsedSpeaker);
  r.present = presentPeople.map(toParsedSpeaker);
}

/** The block's spoken pieces that fall in one statement, when there are several. */
type Piece = { start: number; end: number };

function piecesWithin(
  text: string,
  parts: { start: number; end: number }[] | undefined,
  start: number,
  end: number,
): { start: number; end: number }[] | undefined {
  if (!parts || parts.length < 2) return undefined;
  const out: { start: number; end: number }[] = [];
  for (const p of parts) {
    const a = Math.max(p.start, start);
    const b = Math.min(p.end, end);
    if (b > a) out.push({ start: a, end: b });
  }
  if (out.length < 2) return undefined;
  // Pieces separated by nothing but white space (a hard-wrapped paragraph) need no pieces.
  for (let i = 1; i < out.length; i++)
    if (/\S/.test(text.slice((out[i - 1] as Piece).end, (out[i] as Piece).start))) return out;
  return undefined;
}
