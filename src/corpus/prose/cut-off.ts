// A report cut off mid-sentence: its last statement keeps what can be read.
import type { ParsedReport } from '../report.js';
import { type ParaInfo, type Draft, wordCount } from './state.js';

const TERMINAL = /[.!?\u2026"\u201d\u2019')\]\u2014\u2013-]$/;

/** A report cut off mid-sentence: its last statement keeps only complete sentences. */
export function trimCutOff(
  r: ParsedReport,
  drafts: Draft[],
  infos: ParaInfo[],
  warn: (line: number, message: string) => void,
): void {
  let lastContent: ParaInfo | null = null;
  for (let k = infos.length - 1; k >= 0; k--) {
    const x = infos[k] as ParaInfo;
    if (x.kind !== 'noise') {
      lastContent = x;
      break;
    }
  }
  if (!lastContent || TERMINAL.test(lastContent.p.text)) return;
  const d = drafts[drafts.length - 1];
  if (!d || d.paragraph !== lastContent.p.n || d.end !== lastContent.p.end) return;
  const t = r.text.slice(d.start, d.end);
  let cut = -1;
  for (const m of t.matchAll(/[.!?\u2026]["\u201d\u2019')\]]*(?=\s)/g))
    cut = (m.index ?? 0) + m[0].length;
  const lastWord = t.search(/\s+\S*$/);
  if (cut <= 0 && wordCount(t) >= 8 && lastWord > 0) {
    // One long unfinished sentence is still worth finding: keep it, less its last (cut) word.
    warn(
      lastContent.p.line,
      'the report seems cut off mid-sentence; the last statement is unfinished',
    );
    d.end = d.start + lastWord;
    return;
  }
  warn(
    lastContent.p.line,
    'the report seems cut off mid-sentence; the unfinished sentence is left out',
  );
  if (cut <= 0) drafts.pop();
  else d.end = d.start + cut;
}
