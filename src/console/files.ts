// The console's side of reply files: charts are written to DATA_DIR/charts/ and the reply says
// where, with the alt text, since a terminal cannot show the picture.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FileView } from '../answers/view.js';

export const CHARTS_FOLDER = 'charts';

/**
 * Writes each file under `dataDir/charts/` with a time stamp in its name (so earlier charts stay)
 * and returns the lines to print: the path, then what the chart shows. A folder that cannot be
 * written is said in the lines rather than thrown: the reply's text still answers.
 */
export function saveReplyFiles(dataDir: string, files: readonly FileView[], now: Date): string[] {
  if (files.length === 0) return [];
  const folder = path.resolve(dataDir, CHARTS_FOLDER);
  const stamp = now.toISOString().replace(/[:.]/gu, '-');
  const lines: string[] = [];
  for (const file of files) {
    const name = `${stamp}-${file.name.replace(/[^A-Za-z0-9._-]/gu, '_')}`;
    const where = path.join(folder, name);
    try {
      mkdirSync(folder, { recursive: true });
      writeFileSync(where, file.data);
      lines.push(`Chart: ${where}`, `  ${file.description}`);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      lines.push(`Chart not saved (${why}): ${file.description}`);
    }
  }
  return lines;
}
