// CLI verbs who / meeting / meetings: speaker profiles and meeting digests as text or exact JSON.
import { parseArgs } from 'node:util';
import { formatPlainCitation, meetingTitle, plainText } from '../answers/format.js';
import type { Corpus } from '../corpus/types.js';
import { loadCorpus, UNREADABLE } from '../corpus/load.js';
import {
  buildMeetingDigest,
  buildProfileStats,
  buildSpeakerProfile,
  describeMeeting,
  type MeetingDigest,
  type ProfileQuote,
  type SpeakerProfile,
} from '../answers/profiles.js';

const OPTIONS = {
  corpus: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

interface Parsed {
  query: string;
  corpusDir: string;
  json: boolean;
}

function parse(args: string[], usage: string, needsQuery: boolean): Parsed | number {
  let values: { corpus?: string; json?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    }));
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${usage}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const query = positionals.join(' ').trim();
  if (needsQuery && query.length === 0) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  if (!needsQuery && positionals.length > 0) {
    process.stderr.write(`unexpected argument: ${positionals[0]}\n${usage}\n`);
    return 2;
  }
  const corpusDir = values.corpus ?? process.env.CORPUS_DIR ?? 'seeds';
  return { query, corpusDir, json: values.json === true };
}

async function readCorpus(dir: string): Promise<Corpus | null> {
  let corpus: Corpus;
  try {
    corpus = await loadCorpus(dir);
  } catch (err) {
    process.stderr.write(
      `error: cannot read the corpus in ${dir}: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    return null;
  }
  // The loader reports a folder it cannot list as a warning on the folder itself.
  const fatal = corpus.warnings.find((w) => w.file === dir && w.message.startsWith(UNREADABLE));
  if (fatal && corpus.meetings.length === 0) {
    process.stderr.write(`error: cannot read the corpus in ${dir}: ${fatal.message}\n`);
    return null;
  }
  return corpus;
}

function writeJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

function quoteJson(q: ProfileQuote, withSpeaker: boolean) {
  return {
    ...(withSpeaker ? { speaker: q.speaker } : {}),
    text: q.text,
    meeting: { title: q.meeting.title, date: q.meeting.date },
    source: { file: q.meeting.file, paragraph: q.paragraph, ...(q.time ? { time: q.time } : {}) },
  };
}

export function formatProfileJson(
  query: string,
  profile: SpeakerProfile | null,
  candidates: string[],
) {
  return {
    query,
    speaker: profile && {
      name: profile.name,
      role: profile.role,
      aliases: profile.aliases,
      meetings: profile.meetings.map((m) => ({ title: m.title, date: m.date })),
      statements: profile.statements,
      topics: profile.topics,
      quotes: profile.quotes.map((q) => quoteJson(q, false)),
      silent: profile.silent,
    },
    candidates,
  };
}

export function formatDigestJson(
  query: string,
  digest: MeetingDigest | null,
  candidates: string[],
) {
  return {
    query,
    meeting: digest && {
      title: digest.title,
      date: digest.date,
      speakers: digest.speakers,
      present: digest.present,
      summary: digest.summary,
      topics: digest.topics,
      quotes: digest.quotes.map((q) => quoteJson(q, true)),
      file: digest.file,
      url: digest.url,
    },
    candidates,
  };
}

function formatQuoteLines(q: ProfileQuote, indent: string): string[] {
  const text =
    q.kind === 'paraphrase' ? `${plainText(q.text)} (reported)` : `“${plainText(q.text)}”`;
  return [
    `${indent}${text}`,
    `${indent}  — ${describeMeeting(q.meeting)}, ${formatPlainCitation(q, { id: q.meeting.id })}`,
  ];
}

export function formatProfileText(p: SpeakerProfile): string {
  const lines = [p.role ? `${p.name} — ${p.role}` : p.name];
  if (p.aliases.length > 0) lines.push(`Also called: ${p.aliases.join(', ')}`);
  const spokeIn = p.meetings.filter((m) => m.spoke).length;
  lines.push(
    p.silent
      ? `Present at ${p.meetings.length} meeting(s), with no statements of their own.`
      : `${p.statements} statement(s) in ${spokeIn} meeting(s).`,
  );
  lines.push(
    '',
    'Meetings:',
    ...p.meetings.map((m) => `  ${describeMeeting(m)}${m.spoke ? '' : ' (present)'}`),
  );
  if (p.topics.length > 0) lines.push('', `Talks about: ${p.topics.join(', ')}`);
  if (p.quotes.length > 0) {
    lines.push('', 'Representative quotes:');
    for (const q of p.quotes) lines.push(...formatQuoteLines(q, '  '));
  }
  return lines.join('\n');
}

export function formatDigestText(d: MeetingDigest): string {
  const lines = [
    plainText(meetingTitle(d)),
    `${d.date ?? 'undated'} · ${plainText(d.id)}${d.url ? ` · ${d.url}` : ''}`,
  ];
  if (d.speakers.length > 0) lines.push(`Speakers: ${d.speakers.join(', ')}`);
  if (d.present.length > 0) lines.push(`Also present: ${d.present.join(', ')}`);
  lines.push('', 'Summary (verbatim from the report):');
  if (d.summary.length === 0) lines.push('  (the report has no prose sentences to summarise)');
  d.summary.forEach((s, i) => {
    const who = d.summarySpeakers[i];
    lines.push(`  ${who ? `${who}: ` : ''}${s}`);
  });
  if (d.topics.length > 0) lines.push('', `Topics: ${d.topics.join(', ')}`);
  if (d.quotes.length > 0) {
    lines.push('', 'Key quotes:');
    for (const q of d.quotes) {
      lines.push(`  ${q.speaker ?? 'Unattributed'}:`);
      lines.push(...formatQuoteLines(q, '    '));
    }
  }
  return lines.join('\n');
}

const WHO_USAGE = 'usage: npm run --silent cli -- who "<name>" [--corpus DIR] [--json]';
const MEETING_USAGE =
  'usage: npm run --silent cli -- meeting "<title, date or participant>" [--corpus DIR] [--json]';
const MEETINGS_USAGE = 'usage: npm run --silent cli -- meetings [--corpus DIR] [--json]';

export async function runWho(args: string[]): Promise<number> {
  const parsed = parse(args, WHO_USAGE, true);
  if (typeof parsed === 'number') return parsed;
  const corpus = await readCorpus(parsed.corpusDir);
  if (!corpus) return 1;
  const result = buildSpeakerProfile(corpus, parsed.query, buildProfileStats(corpus));
  const candidates = result.candidates.map((c) => c.name);
  if (parsed.json) {
    writeJson(formatProfileJson(parsed.query, result.profile, candidates));
  } else if (result.profile) {
    process.stdout.write(`${formatProfileText(result.profile)}\n`);
  } else {
    // Ambiguous: list the people with their roles, so the next query can be precise.
    const ambiguous = result.candidates.length >= 2 && !/Closest:/u.test(result.message ?? '');
    const list = ambiguous
      ? result.candidates.map((c) => `\n  ${c.name}${c.role ? ` — ${c.role}` : ''}`).join('')
      : '';
    process.stdout.write(`${result.message ?? 'No such speaker.'}${list}\n`);
  }
  return 0;
}

export async function runMeeting(args: string[]): Promise<number> {
  const parsed = parse(args, MEETING_USAGE, true);
  if (typeof parsed === 'number') return parsed;
  const corpus = await readCorpus(parsed.corpusDir);
  if (!corpus) return 1;
  const result = buildMeetingDigest(corpus, parsed.query, buildProfileStats(corpus));
  const candidates = result.candidates.map((m) => describeMeeting(m));
  if (parsed.json) {
    writeJson(formatDigestJson(parsed.query, result.digest, candidates));
  } else if (result.digest) {
    const others = candidates.length > 0 ? `\n\nOther matches:\n  ${candidates.join('\n  ')}` : '';
    process.stdout.write(`${formatDigestText(result.digest)}${others}\n`);
  } else {
    const list = candidates.length > 0 ? `\n  ${candidates.join('\n  ')}` : '';
    process.stdout.write(`${result.message ?? 'No such meeting.'}${list}\n`);
  }
  return 0;
}

export async function runMeetings(args: string[]): Promise<number> {
  const parsed = parse(args, MEETINGS_USAGE, false);
  if (typeof parsed === 'number') return parsed;
  const corpus = await readCorpus(parsed.corpusDir);
  if (!corpus) return 1;
  const meetings = [...corpus.meetings].sort(
    (a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.file.localeCompare(b.file),
  );
  if (parsed.json) {
    writeJson({
      meetings: meetings.map((m) => ({
        title: m.title,
        date: m.date,
        file: m.file,
        speakers: m.speakers,
        present: m.present,
        statements: m.statements.length,
      })),
    });
    return 0;
  }
  if (meetings.length === 0) {
    process.stdout.write(`No meetings in ${parsed.corpusDir}.\n`);
    return 0;
  }
  for (const m of meetings) {
    const who = m.speakers.length > 0 ? ` — ${m.speakers.join(', ')}` : '';
    process.stdout.write(
      `${describeMeeting(m)} (${m.statements.length} statements)${who}\n    ${m.file}\n`,
    );
  }
  return 0;
}
