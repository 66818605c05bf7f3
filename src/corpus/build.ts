// Turning parsed reports into one Corpus: one speaker per person across all reports (surnames,
// misspellings and the speakers file merged into a canonical name), meeting and statement ids.
import type { Corpus, Meeting, Speaker, Statement, Warning } from './types.js';
import type { ParsedReport, ParsedSpeaker } from './parse.js';
import { titleFromFileName } from './file-name.js';
import type { SpeakersFileData } from './speakers-file.js';
import { normalizeName as normalizeNameRaw } from './people.js';
import { NearSpellings } from './near-spellings.js';
import { runAtOnce } from '../slices.js';
import type { Slices } from '../slices.js';

export type { SpeakersFileData } from './speakers-file.js';

export interface BuildOptions {
  speakersFile?: SpeakersFileData;
  /** Warnings from loading (unreadable files, the speakers file) to keep with the corpus. */
  warnings?: Warning[];
}

/** A parsed report with the id it gets in the corpus (path relative to the corpus folder). */
export type IdentifiedReport = ParsedReport & { id?: string };

interface Rec {
  name: string;
  aliases: string[];
  role: string | null;
  weight: number;
  /** A generic label speaker ("Q", "Aide"): joins only records of the same name. */
  generic: boolean;
  cluster: number;
  /** The same name and aliases as an earlier record: merged at once, skipped by the slow steps. */
  dup: boolean;
}

const TITLE_WORDS = new Set(
  'the mr mrs ms dr sir president prime minister ayatollah seyyed leader supreme of chancellor king queen secretary general vice'.split(
    ' ',
  ),
);

export function buildCorpus(reports: IdentifiedReport[], options: BuildOptions = {}): Corpus {
  return runAtOnce(buildCorpusSlices(reports, options));
}

/** `buildCorpus`, yielding between small pieces of work (see `slices.ts`). */
export function* buildCorpusSlices(
  reports: IdentifiedReport[],
  options: BuildOptions = {},
): Slices<Corpus> {
  // Thousands of records repeat a few dozen names: normalise each distinct string once.
  const normCache = new Map<string, string>();
  const normalizeName = (s: string): string => {
    let v = normCache.get(s);
    if (v === undefined) {
      v = normalizeNameRaw(s);
      normCache.set(s, v);
    }
    return v;
  };
  const warnings: Warning[] = [...(options.warnings ?? [])];
  const entries = options.speakersFile?.speakers ?? [];

  // Every (report, person) pair is a record; records join into clusters, one per person.
  const recs: Rec[] = [];
  const reportRecs: Map<string, Rec>[] = [];
  // Loop bodies that do the work are plain functions (the engine optimises them as usual); the
  // loops around them pause now and then.
  const addRecords = (r: IdentifiedReport): void => {
    const local = new Map<string, Rec>();
    const said = new Map<string, number>();
    for (const s of r.statements)
      if (s.speaker !== null) said.set(s.speaker, (said.get(s.speaker) ?? 0) + 1);
    const weightOf = (name: string) => said.get(name) ?? 0;
    for (const s of [...r.speakers, ...r.present]) {
      const rec: Rec = {
        name: s.name,
        aliases: s.aliases,
        role: s.role,
        weight: 1 + weightOf(s.name),
        generic: !!s.generic,
        cluster: recs.length,
        dup: false,
      };
      recs.push(rec);
      local.set(s.name, rec);
    }
    reportRecs.push(local);
  };
  for (const [ri, r] of reports.entries()) {
    addRecords(r);
    if (ri % 64 === 63) yield;
  }
  const parent = recs.map((_, i) => i);
  const firstBySignature = new Map<string, number>();
  for (const [i, rec] of recs.entries()) {
    if (i % 1024 === 1023) yield;
    const sig = `${rec.name}\u0000${rec.aliases.join('\u0001')}`;
    const j = firstBySignature.get(sig);
    if (j === undefined) firstBySignature.set(sig, i);
    else {
      rec.dup = true;
      parent[i] = j;
    }
  }
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  // The speakers-file entries each cluster's records name, kept by the root as clusters join.
  const entriesOfRoot = new Map<number, Set<number>>();
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    const root = Math.min(ra, rb);
    const child = Math.max(ra, rb);
    parent[child] = root;
    const moved = entriesOfRoot.get(child);
    if (!moved) return;
    entriesOfRoot.delete(child);
    const kept = entriesOfRoot.get(root);
    if (kept) for (const e of moved) kept.add(e);
    else entriesOfRoot.set(root, moved);
  };

  // 1. The speakers file: every record named by an entry's name or alias joins that entry.
  const entryOf = new Map<number, number>();
  const firstOfEntry = new Map<number, number>();
  // Each name or alias → the first entry giving it (a record joins the first entry it names).
  const entryByKey = new Map<string, number>();
  for (const [e, entry] of entries.entries())
    for (const k of [entry.name, ...entry.aliases].map(normalizeName))
      if (!entryByKey.has(k)) entryByKey.set(k, e);
  if (entries.length > 0) {
    for (const [i, rec] of recs.entries()) {
      if (i % 1024 === 1023) yield;
      if (rec.dup) continue;
      let e = -1;
      for (const k of [rec.name, ...rec.aliases].map(normalizeName)) {
        const x = entryByKey.get(k);
        if (x !== undefined && (e < 0 || x < e)) e = x;
      }
      if (e < 0) continue;
      const already = firstOfEntry.get(e);
      if (already !== undefined) union(already, i);
      else firstOfEntry.set(e, i);
      entryOf.set(i, e);
      const root = find(i);
      const set = entriesOfRoot.get(root);
      if (set) set.add(e);
      else entriesOfRoot.set(root, new Set([e]));
    }
  }
  // 2. The same name, or one record's name used as another's (non-role) alias.
  const byKey = new Map<string, number>();
  for (const [i, rec] of recs.entries()) {
    if (i % 1024 === 1023) yield;
    const k = normalizeName(rec.name);
    const j = byKey.get(k);
    if (j !== undefined) union(i, j);
    else byKey.set(k, i);
  }
  for (const [i, rec] of recs.entries()) {
    if (i % 1024 === 1023) yield;
    if (rec.dup || rec.generic) continue;
    for (const a of rec.aliases) {
      const k = normalizeName(a);
      if (k.startsWith('the ') || k.split(' ').every((w) => TITLE_WORDS.has(w))) continue;
      const j = byKey.get(k);
      if (j !== undefined && (recs[j] as Rec).generic) continue;
      if (j !== undefined && entryConflict(find(i), find(j))) continue;
      if (j !== undefined) union(i, j);
    }
  }
  // 3. A bare surname, or a misspelt one ("Aliev" ~ "Aliyev"), joins the one full name it fits.
  // Work on distinct names: a corpus has thousands of records but few people.
  // Full names by surname, and the surnames in a deletion index, so a name meets only the full
  // names whose surname is its own or a near spelling of it.
  const fullBySurname = new Map<string, [number, string[]][]>();
  const surnames = new NearSpellings();
  for (const [k, i] of byKey) {
    if (!k.includes(' ')) continue;
    const fw = k.split(' ');
    const fs = fw[fw.length - 1] ?? '';
    const list = fullBySurname.get(fs);
    if (list) list.push([i, fw]);
    else fullBySurname.set(fs, [[i, fw]]);
    surnames.add(fs);
  }
  let named = 0;
  for (const [k, i] of byKey) {
    if (++named % 256 === 0) yield;
    if ((recs[i] as Rec).generic) continue;
    const words = k.split(' ');
    const sur = words[words.length - 1] ?? '';
    if (sur.length < 3) continue;
    const fits = new Set<number>();
    const near = sur.length >= 5 ? surnames.within(sur, sur.length >= 8 ? 2 : 1) : [sur];
    for (const fs of near) {
      for (const [j, fw] of fullBySurname.get(fs) ?? []) {
        if (j === i) continue;
        if (
          words.length === 1 ||
          words[0] === fw[0] ||
          (fs !== sur && words.slice(0, -1).join(' ') === fw.slice(0, -1).join(' '))
        )
          fits.add(find(j));
      }
    }
    if (fits.size === 1) {
      const target = [...fits][0] as number;
      if (!entryConflict(find(i), target)) union(i, target);
    }
  }
  /** Two clusters (by root) that name different speakers-file entries and no common one. */
  function entryConflict(a: number, b: number): boolean {
    const ea = entriesOfRoot.get(a);
    const eb = entriesOfRoot.get(b);
    if (!ea || !eb || ea.size === 0 || eb.size === 0) return false;
    for (const x of ea) if (eb.has(x)) return false;
    return true;
  }

  // Canonical speakers.
  const clusters = new Map<number, number[]>();
  for (let i = 0; i < recs.length; i++) {
    const root = find(i);
    const list = clusters.get(root) ?? [];
    list.push(i);
    clusters.set(root, list);
  }
  const canonicalOf = new Map<number, string>();
  const speakers: Speaker[] = [];
  const usedNames = new Set<string>();
  for (const [root, members] of clusters) {
    yield;
    const ms = members.map((i) => recs[i] as Rec);
    const entryIdx = members.map((i) => entryOf.get(i)).find((e) => e !== undefined);
    const entry = entryIdx !== undefined ? entries[entryIdx] : undefined;
    let name = entry?.name ?? pickName(ms);
    if (usedNames.has(normalizeName(name))) name = `${name} (${root})`;
    usedNames.add(normalizeName(name));
    const aliasSeen = new Set([name.toLowerCase()]);
    const aliases: string[] = [];
    const distinct = ms.filter((m) => !m.dup);
    for (const a of [
      ...(entry?.aliases ?? []),
      ...distinct.flatMap((m) => [m.name, ...m.aliases]),
    ]) {
      const k = a.toLowerCase();
      if (aliasSeen.has(k)) continue;
      aliasSeen.add(k);
      aliases.push(a);
    }
    const speaker: Speaker = { name, aliases, role: entry?.role ?? pickRole(ms) };
    // A speakers-file entry names a real person ("Moderator" is Jane Roe): then not generic.
    if (!entry && ms.every((m) => m.generic)) speaker.generic = true;
    speakers.push(speaker);
    canonicalOf.set(root, name);
  }
  // Speakers named only in the speakers file still exist for /who.
  const speakerNames = new Set(speakers.map((s) => s.name));
  for (const e of entries) {
    if (speakerNames.has(e.name)) continue;
    speakerNames.add(e.name);
    speakers.push({ name: e.name, aliases: [...e.aliases], role: e.role });
  }

  // Meetings and statements.
  const meetings: Meeting[] = [];
  const statements: Statement[] = [];
  const ids = new Set<string>();
  const seenMeeting = new Map<string, string>();
  const addMeeting = (r: IdentifiedReport, ri: number): void => {
    let id = r.id ?? baseName(r.file);
    if (ids.has(id)) {
      let n = 2;
      while (ids.has(`${id}~${n}`)) n++;
      id = `${id}~${n}`;
    }
    ids.add(id);
    const local = reportRecs[ri] as Map<string, Rec>;
    const canon = (name: string | null) => {
      if (name === null) return null;
      const rec = local.get(name);
      return rec ? (canonicalOf.get(find(rec.cluster)) ?? name) : name;
    };
    const stmts: Statement[] = r.statements.map((s, i) => {
      const st: Statement = {
        id: `${id}#${i}`,
        meetingId: id,
        speaker: canon(s.speaker),
        kind: s.kind,
        text: s.text,
        context: s.context,
        paragraph: s.paragraph,
        start: s.start,
        end: s.end,
      };
      if (s.time) st.time = s.time;
      if (s.parts) {
        st.parts = s.parts;
        st.spoken = s.parts.map((p) => r.text.slice(p.start, p.end)).join(' ');
      }
      return st;
    });
    const spk: string[] = [];
    const listed = new Set<string>();
    for (const s of stmts) {
      if (!s.speaker || listed.has(s.speaker)) continue;
      listed.add(s.speaker);
      spk.push(s.speaker);
    }
    const present: string[] = [];
    for (const p of r.present) {
      const c = canon(p.name);
      if (!c || listed.has(c)) continue;
      listed.add(c);
      present.push(c);
    }
    meetings.push({
      id,
      file: r.file,
      title: r.title,
      date: r.date,
      source: r.source,
      speakers: spk,
      present,
      statements: stmts,
      text: r.text,
    });
    // One by one: spreading a big report's statements into push() overflows the call stack.
    for (const st of stmts) statements.push(st);
    for (const w of r.warnings) warnings.push({ file: r.file, line: w.line, message: w.message });
    const key = meetingKey(r);
    if (key) {
      const other = seenMeeting.get(key);
      if (other)
        warnings.push({
          file: r.file,
          line: 1,
          message: `seems to describe the same meeting as ${other} (same ${key.startsWith('text:') ? 'text' : 'title and date'}); both are kept`,
        });
      else seenMeeting.set(key, r.file);
    }
  };
  for (const [ri, r] of reports.entries()) {
    addMeeting(r, ri);
    if (ri % 32 === 31) yield;
  }
  return { meetings, speakers, statements, warnings };
}

function meetingKey(r: ParsedReport): string | null {
  // A title made from the file name says nothing about which meeting it is.
  const stated = r.title && r.title !== titleFromFileName(r.file) ? r.title : null;
  if (stated && r.date) return `td:${normalizeNameRaw(stated)}|${r.date}`;
  if (r.statements.length === 0) return null;
  // Same statements in the same order: the first few and the count identify the text well enough.
  const head = r.statements
    .slice(0, 3)
    .map((s) => s.text)
    .join('\u0000');
  return `text:${r.statements.length}:${head}`;
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/** The fullest name most reports use ("Ali Khamenei" over "Khamenei"; "Aliyev" over a rare "Aliev"). */
function pickName(ms: Rec[]): string {
  const score = new Map<string, { name: string; words: number; weight: number }>();
  for (const m of ms) {
    const k = normalizeNameRaw(m.name);
    const cur = score.get(k) ?? { name: m.name, words: k.split(' ').length, weight: 0 };
    cur.weight += m.weight;
    score.set(k, cur);
  }
  const list = [...score.values()];
  const maxWords = list.reduce((max, x) => Math.max(max, Math.min(x.words, 2)), -Infinity);
  const best = list
    .filter((x) => Math.min(x.words, 2) === maxWords)
    .sort((a, b) => b.weight - a.weight || b.words - a.words || a.name.localeCompare(b.name))[0];
  return best?.name ?? ms[0]?.name ?? '';
}

function pickRole(ms: Rec[]): string | null {
  const count = new Map<string, { role: string; n: number }>();
  for (const m of ms) {
    if (!m.role) continue;
    const k = normalizeNameRaw(m.role);
    const cur = count.get(k) ?? { role: m.role, n: 0 };
    cur.n += m.weight;
    count.set(k, cur);
  }
  const best = [...count.values()].sort((a, b) => b.n - a.n || b.role.length - a.role.length)[0];
  return best?.role ?? null;
}

export type { ParsedSpeaker };
