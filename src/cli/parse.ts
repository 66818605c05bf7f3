// CLI verb (placeholder until its issue lands).
export async function runParse(_args: string[]): Promise<number> {
  process.stderr.write('not implemented yet\n');
  return 2;
}
