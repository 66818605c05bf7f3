// The baseline every measurement compares with: MiniSearch over the same parsed statements
// (what each says, its lead-in, speaker and meeting title), with our stopwords and stemmer.
import MiniSearch from 'minisearch';
import stem from 'wink-porter2-stemmer';
import { spokenText } from '../corpus/text.js';
import type { Corpus, Statement } from '../corpus/types.js';
import { STOPWORDS } from '../search/stopwords.js';

/** A searcher returning at most `limit` statements, best first. */
export function miniSearchBaseline(corpus: Corpus, limit: number): (q: string) => Statement[] {
  const titles = new Map(corpus.meetings.map((m) => [m.id, m.title ?? '']));
  const ms = new MiniSearch<{
    id: number;
    text: string;
    context: string;
    speaker: string;
    title: string;
  }>({
    fields: ['text', 'context', 'speaker', 'title'],
    storeFields: [],
    processTerm: (term) => {
      const t = term.toLowerCase();
      return STOPWORDS.has(t) ? null : stem(t);
    },
    searchOptions: { fuzzy: 0.2, prefix: true, boost: { text: 2 } },
  });
  ms.addAll(
    corpus.statements.map((s, id) => ({
      id,
      text: spokenText(s),
      context: s.context ?? '',
      speaker: s.speaker ?? '',
      title: titles.get(s.meetingId) ?? '',
    })),
  );
  return (q) =>
    ms
      .search(q)
      .slice(0, limit)
      .map((r) => corpus.statements[r.id as number] as Statement);
}

/**
 * The first yardstick: a plain BM25 index (MiniSearch, its default tokenizer, no stopwords
 * or stemming) over the raw lines of the same files, with no parser at all. Each non-empty line is
 * a "statement" with no speaker; it answers when the line holds the words of the right statement.
 */
export function rawLinesBaseline(corpus: Corpus, limit: number): (q: string) => Statement[] {
  const lines: Statement[] = [];
  for (const m of corpus.meetings) {
    let at = 0;
    for (const line of m.text.split('\n')) {
      const start = at;
      at += line.length + 1;
      if (!line.trim()) continue;
      lines.push({
        id: `${m.id}#line${lines.length}`,
        meetingId: m.id,
        speaker: null,
        kind: 'turn',
        text: line,
        context: null,
        paragraph: lines.length + 1,
        start,
        end: start + line.length,
      });
    }
  }
  const ms = new MiniSearch<{ id: number; text: string }>({
    fields: ['text'],
    storeFields: [],
    searchOptions: { fuzzy: 0.2, prefix: true },
  });
  ms.addAll(lines.map((l, id) => ({ id, text: l.text })));
  return (q) =>
    ms
      .search(q)
      .slice(0, limit)
      .map((r) => lines[r.id as number] as Statement);
}
