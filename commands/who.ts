// /who speaker:<autocomplete> — a speaker's profile from the reports.
import { SlashCommandBuilder } from 'discord.js';
import { speakerChoiceName } from '../src/answers/format.js';
import type { AppContext } from '../src/context.js';
import type { Choice, CommandInput, CommandModule } from './types.js';
import { buildSpeakerProfile, profileStatsInSlices } from '../src/answers/profiles.js';
import { buildWhoView } from '../src/answers/who-view.js';
import { suggestSpeakers } from '../src/search/lookup.js';
import type { ReplyView } from '../src/answers/view.js';
import { tryChart } from '../src/charts/attach.js';
import { speakerTimelineData, speakerTimelineFile } from '../src/charts/timeline.js';
import { withReportLinks } from '../src/web/links.js';

const data = new SlashCommandBuilder()
  .setName('who')
  .setDescription('Who is this speaker, and what did they say? A profile from the reports.')
  .addStringOption((o) =>
    o
      .setName('speaker')
      .setDescription('Name, surname, alias or role')
      .setRequired(true)
      .setAutocomplete(true)
      .setMaxLength(200),
  );

export async function runWho(ctx: AppContext, input: CommandInput): Promise<ReplyView> {
  const query = String(input.options.speaker ?? '');
  // Right after the reports change, the statistics are built a slice at a time: other questions
  // are answered meanwhile, and this one waits (the router shows "thinking…" when it is slow).
  const stats = await profileStatsInSlices(ctx, ctx.index.data.lookup);
  const lookup = buildSpeakerProfile(ctx.corpus, query, stats);
  const p = lookup.profile;
  // The timeline counts the same statements as the profile, so its bars add up to its total.
  const timeline =
    p && !p.silent
      ? tryChart(ctx.log, 'timeline', () =>
          speakerTimelineFile(
            speakerTimelineData(p.name, p.meetings, stats.statementsBySpeaker.get(p.name) ?? []),
            input.locale,
          ),
        )
      : null;
  const cited = (p?.quotes ?? []).map((q) => ({
    id: q.statementId,
    meetingId: q.meeting.id,
    paragraph: q.paragraph,
  }));
  return withReportLinks(buildWhoView(lookup, timeline), cited, ctx.config.publicUrl);
}

export function autocompleteWho(
  ctx: AppContext,
  focused: { name: string; value: string },
): Choice[] {
  // The value is the canonical name, which findSpeaker resolves exactly; names are short.
  return suggestSpeakers(ctx.corpus, focused.value.slice(0, 100), 25)
    .filter((s) => s.name.length <= 100)
    .map((s) => ({ name: speakerChoiceName(s), value: s.name }));
}

export const who: CommandModule = {
  data,
  defer: true,
  run: runWho,
  autocomplete: autocompleteWho,
};
