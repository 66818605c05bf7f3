// CLI verb (placeholder until its issue lands).
export async function runCorpusCheck(_args: string[]): Promise<number> {
  process.stderr.write('not implemented yet\n');
  return 2;
}
