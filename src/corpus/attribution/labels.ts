// Labels to people: a transcript label ("MR. KOHN", "Jack Tanner", "Q") resolved against the
// report's registry, so every reader's labels name one person per person.
import { ANONYMOUS_LABELS, GENERIC_LABELS, QUESTIONER_LABELS, QUESTIONER_NAME } from '../header.js';
import type { Label } from '../header.js';
import { canonicalPlaces } from '../countries.js';
import { findMentions, titleCase, HEAD_TITLES } from '../mentions.js';
import type { KnownNames } from '../mentions.js';
import { addAlias, addName, addRole, findByAlias, resolveRole } from '../people.js';
import { bestRole } from '../people.js';
import type { Person, Registry, RoleInfo } from '../people.js';
import type { ParsedSpeaker } from '../report.js';
import { tokenize } from '../text.js';

/** The person a label names (created when new), or null for an answer label with no name. */
export function personFromLabel(
  reg: Registry,
  label: Label,
  knownOf: () => KnownNames,
): Person | null {
  const raw = label.label;
  const low = raw.toLowerCase();
  if (ANONYMOUS_LABELS.has(low)) return null;
  if (QUESTIONER_LABELS.has(low)) {
    // No role: "the questioner" in a news paragraph is no reason to credit the Q turns' speaker.
    return addName(reg, QUESTIONER_NAME, { alias: raw, generic: true });
  }
  const byAlias = findByAlias(reg, raw);
  if (byAlias) return byAlias;
  const text = label.caps ? titleCase(raw) : raw;
  if (GENERIC_LABELS.has(low)) {
    const p = addName(reg, text, { alias: raw, generic: true });
    addRole(reg, p, { text, head: low, quals: [] });
    return p;
  }
  const tokens = tokenize(text);
  const m = findMentions(text, tokens, 0, knownOf())[0];
  if (m && m.kind === 'name' && m.name) {
    return addName(reg, m.name, {
      alias: raw !== m.name ? raw : undefined,
      role: m.role && m.head ? { text: m.role, head: m.head, quals: m.quals } : null,
    });
  }
  if (m && m.kind === 'role') {
    const p = resolveRole(reg, m, null);
    if (p) {
      addAlias(reg, p, raw);
      return p;
    }
  }
  return addName(reg, text, { alias: raw });
}

/** A role as written ("Prime Minister of Iraq") in the registry's terms: head title and places. */
export function roleInfo(text: string): RoleInfo {
  const toks = tokenize(text);
  const lows = toks.map((t) => t.low);
  let head = lows.filter((w) => HEAD_TITLES.has(w)).join(' ');
  if (lows.includes('prime') && lows.includes('minister')) head = 'prime minister';
  return {
    text,
    head: head || (lows[0] ?? ''),
    quals: canonicalPlaces(
      lows.filter((w) => !HEAD_TITLES.has(w) && !['the', 'of', 'and'].includes(w)),
    ),
  };
}

/** A person as the parse result lists them: name, other forms (each once), best role. */
export function toParsedSpeaker(p: Person): ParsedSpeaker {
  const seen = new Set<string>([p.name.toLowerCase()]);
  const aliases: string[] = [];
  for (const a of p.aliases) {
    const k = a.toLowerCase();
    if (seen.has(k)) continue;
    seen.add(k);
    aliases.push(a);
  }
  const out: ParsedSpeaker = { name: p.name, aliases, role: bestRole(p) };
  if (p.generic) out.generic = true;
  return out;
}
