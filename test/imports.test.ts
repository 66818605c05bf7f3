// Module structure: the shared context (src/context.ts) sits below every module that uses it, so
// no import cycle runs through it (answers/profiles ↔ context was one).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

function sourceFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (full.endsWith('.ts')) out.push(full);
    }
  };
  walk(join(ROOT, 'src'));
  walk(join(ROOT, 'commands'));
  return out;
}

/** Every import cycle (type-only imports included), each as a list of paths from the root. */
function findCycles(): string[][] {
  const files = sourceFiles();
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const deps = [...text.matchAll(/^(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]/gms)]
      .map((m) => resolve(dirname(file), (m[1] ?? '').replace(/\.js$/, '.ts')))
      .filter((d) => known.has(d));
    graph.set(file, deps);
  }
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const dep of graph.get(file) ?? []) {
      if (state.get(dep) === 'open')
        cycles.push(stack.slice(stack.indexOf(dep)).map((f) => relative(ROOT, f)));
      else if (!state.has(dep)) visit(dep);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return cycles;
}

describe('imports', () => {
  it('has no import cycle through the shared context or the command shape', () => {
    const through = findCycles().filter((c) =>
      c.some((f) => f === 'src/context.ts' || f === 'commands/types.ts'),
    );
    expect(through).toEqual([]);
  });
});

describe('the reading pipeline', () => {
  it('has no import cycle: readers and attribution sit below the parser', () => {
    const inCorpus = findCycles().filter((c) => c.some((f) => f.startsWith('src/corpus/')));
    expect(inCorpus).toEqual([]);
  });
});
