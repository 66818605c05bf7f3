// Parsing one report (pure: text in, data out): title, date, people, and every attributed
// statement — quotes, paraphrases (reported speech) and transcript turns — with exact offsets.
import { roleInfo } from './attribution/labels.js';
import { attributeTurns } from './attribution/turns.js';
import { readStructured } from './readers/index.js';
import { readFrontMatter } from './header.js';
import { renamePerson, addAlias, addFixedRole, addName, createRegistry } from './people.js';
import type { ParsedReport } from './report.js';
import { readProse } from './prose/read-prose.js';
import { dateFromFileName, titleFromFileName } from './file-name.js';
export { dateFromFileName, titleFromFileName } from './file-name.js';
export type { ParsedReport, ParsedSpeaker, ParsedStatement, ParseWarning } from './report.js';

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

  readProse(r, fm, reg, nameDate);
  r.title ??= titleFromFileName(r.file);
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
