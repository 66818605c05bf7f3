// The optional speakers file (`speakers.yml` in the corpus folder): the owner's word on who is
// who — canonical names, extra aliases (merging misspellings and renames), and roles.
import { parse as parseYaml } from 'yaml';

export interface SpeakerEntry {
  name: string;
  aliases: string[];
  role: string | null;
}

export interface SpeakersFileData {
  speakers: SpeakerEntry[];
}

export interface SpeakersFileResult {
  data: SpeakersFileData;
  problems: { line: number; message: string }[];
}

/**
 * Reads a speakers file. Accepted shapes:
 *
 *     speakers:
 *       - name: Ilham Aliyev
 *         aliases: [Aliev, the president of Azerbaijan]
 *         role: President of Azerbaijan
 *     rename:
 *       Trump: Donald Trump
 *
 * or a mapping `Ilham Aliyev: { aliases: [...], role: ... }`. Never throws.
 */
export function parseSpeakersFile(text: string): SpeakersFileResult {
  const problems: { line: number; message: string }[] = [];
  const speakers: SpeakerEntry[] = [];
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    const line = (err as { linePos?: { line: number }[] }).linePos?.[0]?.line ?? 0;
    problems.push({
      line,
      message: `not valid YAML (${(err instanceof Error ? err.message : String(err)).split('\n')[0]}); ignored`,
    });
    return { data: { speakers }, problems };
  }
  if (doc === null || doc === undefined) return { data: { speakers }, problems };
  const lineOf = (needle: string) => {
    const i = text.split('\n').findIndex((l) => l.includes(needle));
    return i < 0 ? 0 : i + 1;
  };
  const addEntry = (name: unknown, v: unknown) => {
    if (typeof name !== 'string' || !name.trim()) {
      problems.push({ line: 0, message: 'a speaker entry has no name; skipped' });
      return;
    }
    const o = (v && typeof v === 'object' && !Array.isArray(v) ? v : {}) as {
      aliases?: unknown;
      role?: unknown;
    };
    const aliasList = Array.isArray(v)
      ? v
      : Array.isArray(o.aliases)
        ? o.aliases
        : typeof o.aliases === 'string'
          ? [o.aliases]
          : [];
    const aliases = aliasList
      .filter((a): a is string => typeof a === 'string' && a.trim() !== '')
      .map((a) => a.trim());
    if (aliasList.length !== aliases.length)
      problems.push({
        line: lineOf(name),
        message: `speaker "${name}": aliases must be text; some were skipped`,
      });
    const role = typeof o.role === 'string' && o.role.trim() ? o.role.trim() : null;
    const existing = speakers.find((s) => s.name === name.trim());
    if (existing) {
      for (const a of aliases) if (!existing.aliases.includes(a)) existing.aliases.push(a);
      existing.role ??= role;
    } else speakers.push({ name: name.trim(), aliases, role });
  };
  if (Array.isArray(doc)) {
    for (const e of doc) addEntry((e as { name?: unknown })?.name, e);
    return { data: { speakers }, problems };
  }
  if (typeof doc !== 'object') {
    problems.push({
      line: 1,
      message: 'expected a list of speakers (name, aliases, role); ignored',
    });
    return { data: { speakers }, problems };
  }
  const d = doc as Record<string, unknown>;
  for (const [k, v] of Object.entries(d)) {
    if (k === 'speakers' && Array.isArray(v)) {
      for (const e of v) addEntry((e as { name?: unknown })?.name, e);
    } else if (k === 'speakers' && v && typeof v === 'object') {
      for (const [n, e] of Object.entries(v as Record<string, unknown>)) addEntry(n, e);
    } else if ((k === 'rename' || k === 'merge') && v && typeof v === 'object') {
      for (const [from, to] of Object.entries(v as Record<string, unknown>)) {
        if (typeof to === 'string') addEntry(to, { aliases: [from] });
        else if (Array.isArray(to)) addEntry(from, { aliases: to });
        else
          problems.push({
            line: lineOf(from),
            message: `${k}: "${from}" should map to a name; skipped`,
          });
      }
    } else addEntry(k, v);
  }
  return { data: { speakers }, problems };
}
