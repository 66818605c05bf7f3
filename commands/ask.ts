// /ask question:<text> [speaker] [meeting] [hide] — statements that answer a question, verbatim and cited.
import { randomBytes } from 'node:crypto';
import { meetingChoiceName, speakerChoiceName } from '../src/answers/format.js';
import { SlashCommandBuilder } from 'discord.js';
import type { AppContext } from '../src/context.js';
import { fromOption, speakerOption, toOption } from './filter-options.js';
import { EXPIRED_TEXT } from './types.js';
import type { ButtonOutcome, Choice, CommandInput, CommandModule } from './types.js';
import { askQuestion, MAX_LIMIT, MAX_QUESTION_LENGTH } from '../src/search/engine.js';
import { suggestMeetings, suggestSpeakers } from '../src/search/lookup.js';
import { textReply } from '../src/answers/view.js';
import type { ReplyView } from '../src/answers/view.js';
import {
  ASK_PAGE_SIZE,
  buildAskView,
  buildContextView,
  parseAskButton,
  recallAsk,
  rememberAsk,
} from '../src/answers/ask-view.js';
import type { AskSession } from '../src/answers/ask-view.js';
import { withReportLinks } from '../src/web/links.js';
import { describeShown, findShown } from '../src/live/shown.js';

const data = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('What was said in the meetings? Verbatim quotes with speaker, date and source.')
  .addStringOption((o) =>
    o
      .setName('question')
      .setDescription('Your question, e.g. what did aliyev say about railways')
      .setRequired(true)
      .setMaxLength(MAX_QUESTION_LENGTH),
  )
  .addStringOption(speakerOption)
  .addStringOption((o) =>
    o
      .setName('meeting')
      .setDescription('Only this meeting (title, date or participant)')
      .setAutocomplete(true)
      .setMaxLength(200),
  )
  .addStringOption(fromOption)
  .addStringOption(toOption)
  .addIntegerOption((o) =>
    o
      .setName('limit')
      .setDescription(`Statements per page (default ${ASK_PAGE_SIZE}, at most ${MAX_LIMIT})`)
      .setMinValue(1)
      .setMaxValue(MAX_LIMIT),
  )
  .addBooleanOption((o) =>
    o.setName('hide').setDescription('Only you see the answer (you can post it later)'),
  );

function search(ctx: AppContext, session: AskSession, offset: number) {
  return askQuestion(ctx.index, session.question, {
    ...session.options,
    limit: session.limit ?? ASK_PAGE_SIZE,
    offset,
  });
}

export async function runAsk(ctx: AppContext, input: CommandInput): Promise<ReplyView> {
  const options: AskSession['options'] = {};
  if (typeof input.options.speaker === 'string' && input.options.speaker.trim())
    options.speaker = input.options.speaker;
  if (typeof input.options.meeting === 'string' && input.options.meeting.trim())
    options.meeting = input.options.meeting;
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
  const rawLimit = input.options.limit;
  const limit =
    typeof rawLimit === 'number' && Number.isFinite(rawLimit)
      ? Math.min(MAX_LIMIT, Math.max(1, Math.floor(rawLimit)))
      : undefined;
  const session: AskSession = {
    kind: 'ask',
    question: String(input.options.question ?? ''),
    options,
    hidden: input.options.hide === true,
    ...(limit !== undefined ? { limit } : {}),
  };
  const answer = search(ctx, session, 0);
  // What the first page shows, so a button pressed after the reports changed can tell whether
  // its statement is still there (kept with the rest of the button state).
  if (answer.results.length > 0) session.shown = { 0: describeShown(answer.results) };
  const key =
    answer.results.length > 0
      ? await rememberAsk(ctx, session, () => randomBytes(6).toString('base64url'))
      : null;
  const view = buildAskView(answer, {
    key,
    offset: 0,
    hidden: session.hidden,
    canPost: input.caller.guildId !== null && input.caller.appInGuild !== false,
  });
  return withReportLinks(view, citedBy(answer), ctx.config.publicUrl);
}

function citedBy(answer: ReturnType<typeof search>) {
  return answer.results.map((r) => r.statement);
}

/** A real day of the calendar written YYYY-MM-DD. */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text;
}

export function autocompleteAsk(
  ctx: AppContext,
  focused: { name: string; value: string },
): Choice[] {
  const partial = focused.value.slice(0, 100);
  if (focused.name === 'speaker') {
    return suggestSpeakers(ctx.corpus, partial, 25).map((s) => ({
      name: speakerChoiceName(s),
      value: s.name,
    }));
  }
  if (focused.name === 'meeting') {
    return suggestMeetings(ctx.corpus, partial, 25).map((m) => ({
      name: meetingChoiceName(m),
      value: m.id.slice(0, 100),
    }));
  }
  return [];
}

export async function pressAskButton(
  ctx: AppContext,
  customId: string,
  input: CommandInput,
): Promise<ButtonOutcome> {
  const parsed = parseAskButton(customId);
  const session = parsed ? await recallAsk(ctx, parsed.key) : null;
  if (!parsed || !session) return { mode: 'reply', view: textReply(EXPIRED_TEXT) };
  // The reports may have changed since the page was shown (a live corpus): a button whose
  // statement is gone has expired; one whose statement is still there acts on that statement.
  const shownPage = session.shown?.[parsed.offset];
  const stillThere = shownPage?.map((s) => findShown(ctx.corpus, s)) ?? null;
  if (parsed.action !== 'more' && stillThere && stillThere.some((s) => s === null))
    return { mode: 'reply', view: textReply(EXPIRED_TEXT) };
  const answer = search(ctx, session, parsed.offset);
  if (answer.results.length === 0) return { mode: 'reply', view: textReply(EXPIRED_TEXT) };
  if (parsed.action === 'context') {
    const top = stillThere?.[0] ?? answer.results[0];
    return {
      mode: 'reply',
      view: top
        ? withReportLinks(
            buildContextView(top.statement, top.meeting, session.question, answer.terms),
            [top.statement],
            ctx.config.publicUrl,
          )
        : textReply(EXPIRED_TEXT),
    };
  }
  if (parsed.action === 'post') {
    const view = buildAskView(answer, {
      key: parsed.key,
      offset: parsed.offset,
      hidden: false,
      sharedBy: input.caller.userId,
    });
    return { mode: 'channel', view: withReportLinks(view, citedBy(answer), ctx.config.publicUrl) };
  }
  // Later pages are described where the state lives in memory (no store); with a store the state
  // is written once, so a later page's buttons act on what the search finds then.
  session.shown = { ...session.shown, [parsed.offset]: describeShown(answer.results) };
  return {
    mode: 'update',
    view: withReportLinks(
      buildAskView(answer, {
        key: parsed.key,
        offset: parsed.offset,
        hidden: session.hidden,
        canPost: input.caller.guildId !== null && input.caller.appInGuild !== false,
      }),
      citedBy(answer),
      ctx.config.publicUrl,
    ),
  };
}

export const ask: CommandModule = {
  data,
  defer: true,
  cooldown: true,
  run: runAsk,
  autocomplete: autocompleteAsk,
  button: pressAskButton,
};
