// CLI verbs who / meeting / meetings (placeholder until its issue lands).
export async function runWho(_args: string[]): Promise<number> {
  process.stderr.write('not implemented yet\n');
  return 2;
}
export const runMeeting = runWho;
export const runMeetings = runWho;
