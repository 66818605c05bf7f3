// /trend words:<text> [speaker] [from] [to] — how often statements match some words over time,
// per speaker, as a chart; the three best matches quoted below it.
import { SlashCommandBuilder } from 'discord.js';
import { speakerChoiceName } from '../src/answers/format.js';
import type { AppContext } from '../src/context.js';
import { fromOption, speakerOption, toOption } from './filter-options.js';
import type { Choice, CommandInput, CommandModule } from './types.js';
import { MAX_QUESTION_LENGTH } from '../src/search/engine.js';
import { suggestSpeakers } from '../src/search/lookup.js';
import { textReply, type ReplyView } from '../src/answers/view.js';
import { buildTrendView } from '../src/answers/trend-view.js';
import { buildTrend, trendFile, type TrendOptions } from '../src/charts/trend.js';
import { tryChart } from '../src/charts/attach.js';
import { isCalendarDate } from './ask.js';

const data = new SlashCommandBuilder()
  .setName('trend')
  .setDescription(
    'How often were some words said over time, and by whom? A chart and the best quotes.',
  )
  .addStringOption((o) =>
    o
      .setName('words')
      .setDescription('Words to look for, e.g. harbour dredging')
      .setRequired(true)
      .setMaxLength(MAX_QUESTION_LENGTH),
  )
  .addStringOption(speakerOption)
  .addStringOption(fromOption)
  .addStringOption(toOption);

export async function runTrend(ctx: AppContext, input: CommandInput): Promise<ReplyView> {
  const options: TrendOptions = {};
  if (typeof input.options.speaker === 'string' && input.options.speaker.trim())
    options.speaker = input.options.speaker;
  for (const name of ['from', 'to'] as const) {
    const value = input.options[name];
    if (typeof value !== 'string' || !value.trim()) continue;
    if (!isCalendarDate(value.trim()))
      return textReply(
        `\`${name}\` must be a date written YYYY-MM-DD, like 2017-03-05 (got “${value.slice(0, 40)}”).`,
      );
    options[name] = value.trim();
  }
  if (options.from && options.to && options.from > options.to)
    return textReply(
      `\`from\` (${options.from}) is after \`to\` (${options.to}): nothing can be in between.`,
    );
  const { answer, data: trend } = buildTrend(ctx.index, String(input.options.words ?? ''), options);
  const chart = trend ? tryChart(ctx.log, 'trend', () => trendFile(trend, input.locale)) : null;
  return buildTrendView(answer, trend, chart);
}

export function autocompleteTrend(
  ctx: AppContext,
  focused: { name: string; value: string },
): Choice[] {
  if (focused.name !== 'speaker') return [];
  return suggestSpeakers(ctx.corpus, focused.value.slice(0, 100), 25).map((s) => ({
    name: speakerChoiceName(s),
    value: s.name,
  }));
}

export const trend: CommandModule = {
  data,
  defer: true,
  cooldown: true,
  run: runTrend,
  autocomplete: autocompleteTrend,
};
