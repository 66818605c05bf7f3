// CLI verb `parse <file-or-dir>... [--json]`: what the parser reads in each report.
import { parseArgs } from 'node:util';
import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { listReportFiles, loadEntries, readSpeakersFile } from '../corpus/load.js';
import type { LoadEntry } from '../corpus/load.js';
import type { Corpus, Meeting, Warning } from '../corpus/types.js';
import type { SpeakersFileData } from '../corpus/speakers-file.js';

const USAGE = 'usage: npm run --silent cli -- parse <file-or-dir>... [--json]\n';

export async function runParse(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help || parsed.positionals.length === 0) {
    process.stderr.write(USAGE);
    return parsed.values.help ? 0 : 2;
  }
  const entries: LoadEntry[] = [];
  const warnings: Warning[] = [];
  let speakersFile: SpeakersFileData | undefined;
  for (const p of parsed.positionals) {
    const isDir = await stat(p).then(
      (st) => st.isDirectory(),
      () => false,
    );
    if (isDir) {
      const files = await listReportFiles(p);
      for (const f of files) entries.push({ path: join(p, f.id), id: f.id });
      const sf = await readSpeakersFile(p);
      warnings.push(...sf.warnings);
      if (sf.data)
        speakersFile = { speakers: [...(speakersFile?.speakers ?? []), ...sf.data.speakers] };
    } else entries.push({ path: p, id: basename(p) });
  }
  const corpus = await loadEntries(entries, { speakersFile, warnings });
  const out = parsed.values.json ? formatJson(corpus, entries) : formatText(corpus, entries);
  process.stdout.write(out);
  return 0;
}

function warningsFor(corpus: Corpus, file: string): Warning[] {
  return corpus.warnings.filter((w) => w.file === file);
}

function formatJson(corpus: Corpus, entries: LoadEntry[]): string {
  const lines: string[] = [];
  const byFile = new Map(corpus.meetings.map((m) => [m.file, m]));
  for (const e of entries) {
    const m = byFile.get(e.path);
    const warnings = warningsFor(corpus, e.path).map((w) => ({ line: w.line, message: w.message }));
    if (!m) {
      lines.push(
        JSON.stringify({
          file: e.path,
          meeting: { title: null, date: null, source: null },
          speakers: [],
          present: [],
          statements: [],
          warnings,
        }),
      );
      continue;
    }
    lines.push(JSON.stringify(toJson(corpus, m, warnings)));
  }
  return lines.map((l) => l + '\n').join('');
}

function toJson(corpus: Corpus, m: Meeting, warnings: { line: number; message: string }[]) {
  const speakers = m.speakers.map((name) => {
    const s = corpus.speakers.find((x) => x.name === name);
    return { name, aliases: s?.aliases ?? [], role: s?.role ?? null };
  });
  return {
    file: m.file,
    meeting: { title: m.title, date: m.date, source: m.source },
    speakers,
    present: m.present,
    statements: m.statements.map((s) => ({
      speaker: s.speaker,
      kind: s.kind,
      text: s.text,
      context: s.context,
      paragraph: s.paragraph,
      start: s.start,
      end: s.end,
      ...(s.time ? { time: s.time } : {}),
      ...(s.parts ? { parts: s.parts } : {}),
    })),
    warnings,
  };
}

function formatText(corpus: Corpus, entries: LoadEntry[]): string {
  const out: string[] = [];
  const byFile = new Map(corpus.meetings.map((m) => [m.file, m]));
  for (const e of entries) {
    const m = byFile.get(e.path);
    out.push(`== ${e.path}`);
    if (m) {
      out.push(`title: ${m.title ?? '(none)'}`);
      out.push(`date:  ${m.date ?? '(none)'}`);
      if (m.source) out.push(`source: ${m.source}`);
      for (const name of m.speakers) {
        const s = corpus.speakers.find((x) => x.name === name);
        out.push(
          `speaker: ${name}${s?.role ? ` (${s.role})` : ''}${s && s.aliases.length ? ` — also: ${s.aliases.join(', ')}` : ''}`,
        );
      }
      if (m.present.length) out.push(`present, silent: ${m.present.join(', ')}`);
      out.push(`${m.statements.length} statement(s):`);
      for (const s of m.statements) {
        const at = s.time ? ` at ${s.time}` : '';
        out.push(`  ¶${s.paragraph}${at} [${s.kind}] ${s.speaker ?? '(unattributed)'}: ${s.text}`);
        if (s.context) out.push(`      context: ${s.context}`);
      }
    }
    for (const w of warningsFor(corpus, e.path))
      out.push(`warning: ${e.path}:${w.line}: ${w.message}`);
    out.push('');
  }
  const global = corpus.warnings.filter((w) => !entries.some((e) => e.path === w.file));
  for (const w of global) out.push(`warning: ${w.file}:${w.line}: ${w.message}`);
  return out.join('\n') + '\n';
}
