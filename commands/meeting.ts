// /meeting meeting:<autocomplete> — a meeting's summary, participants, topics and key quotes.
import { SlashCommandBuilder } from 'discord.js';
import { meetingChoiceName } from '../src/answers/format.js';
import type { AppContext } from '../src/context.js';
import type { Choice, CommandInput, CommandModule } from './types.js';
import { buildMeetingDigest, profileStatsInSlices } from '../src/answers/profiles.js';
import { buildMeetingView } from '../src/answers/meeting-view.js';
import { suggestMeetings } from '../src/search/lookup.js';
import type { ReplyView } from '../src/answers/view.js';
import { tryChart } from '../src/charts/attach.js';
import { meetingShareData, meetingShareFile } from '../src/charts/share.js';
import { withReportLinks } from '../src/web/links.js';

const data = new SlashCommandBuilder()
  .setName('meeting')
  .setDescription('What happened at a meeting: a verbatim summary, who spoke, key quotes.')
  .addStringOption((o) =>
    o
      .setName('meeting')
      .setDescription('Title, date (YYYY-MM-DD) or participant')
      .setRequired(true)
      .setAutocomplete(true)
      .setMaxLength(200),
  );

export async function runMeeting(ctx: AppContext, input: CommandInput): Promise<ReplyView> {
  const query = String(input.options.meeting ?? '');
  // Built a slice at a time when the reports just changed (see /who).
  const stats = await profileStatsInSlices(ctx, ctx.index.data.lookup);
  const lookup = buildMeetingDigest(ctx.corpus, query, stats);
  const id = lookup.digest?.id;
  const meeting = id === undefined ? undefined : ctx.corpus.meetings.find((m) => m.id === id);
  // A report that names no speaker has no shares to draw.
  const share = meeting?.statements.some((s) => s.speaker)
    ? tryChart(ctx.log, 'meeting share', () =>
        meetingShareFile(meetingShareData(meeting), input.locale),
      )
    : null;
  const cited = (lookup.digest?.quotes ?? []).map((q) => ({
    id: q.statementId,
    meetingId: q.meeting.id,
    paragraph: q.paragraph,
  }));
  return withReportLinks(buildMeetingView(lookup, share), cited, ctx.config.publicUrl);
}

export function autocompleteMeeting(
  ctx: AppContext,
  focused: { name: string; value: string },
): Choice[] {
  // The value is the meeting id (cut to Discord's 100 characters; the lookup accepts the cut form).
  return suggestMeetings(ctx.corpus, focused.value.slice(0, 100), 25).map((m) => ({
    name: meetingChoiceName(m),
    value: m.id.slice(0, 100),
  }));
}

export const meeting: CommandModule = {
  data,
  defer: true,
  run: runMeeting,
  autocomplete: autocompleteMeeting,
};
