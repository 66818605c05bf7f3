// /ask question:<text> [speaker] [meeting] [hide] — statements that answer a question, verbatim and cited.
import { randomBytes } from 'node:crypto';
import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { AppContext } from '../src/context.js';
import type { ButtonOutcome, Choice, CommandInput, CommandModule } from './types.js';
import { askQuestion, MAX_QUESTION_LENGTH } from '../src/search/engine.js';
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

const EXPIRED = 'This result has expired — ask again.';

const data = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('What was said in the meetings? Verbatim quotes with speaker, date and source.')
  .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
  .addStringOption((o) =>
    o
      .setName('question')
      .setDescription('Your question, e.g. what did aliyev say about railways')
      .setRequired(true)
      .setMaxLength(MAX_QUESTION_LENGTH),
  )
  .addStringOption((o) =>
    o
      .setName('speaker')
      .setDescription('Only this speaker')
      .setAutocomplete(true)
      .setMaxLength(200),
  )
  .addStringOption((o) =>
    o
      .setName('meeting')
      .setDescription('Only this meeting (title, date or participant)')
      .setAutocomplete(true)
      .setMaxLength(200),
  )
  .addBooleanOption((o) =>
    o.setName('hide').setDescription('Only you see the answer (you can post it later)'),
  );

function search(ctx: AppContext, session: AskSession, offset: number) {
  return askQuestion(ctx.index, session.question, {
    ...session.options,
    limit: ASK_PAGE_SIZE,
    offset,
  });
}

export async function runAsk(ctx: AppContext, input: CommandInput): Promise<ReplyView> {
  const options: AskSession['options'] = {};
  if (typeof input.options.speaker === 'string' && input.options.speaker.trim())
    options.speaker = input.options.speaker;
  if (typeof input.options.meeting === 'string' && input.options.meeting.trim())
    options.meeting = input.options.meeting;
  const session: AskSession = {
    kind: 'ask',
    question: String(input.options.question ?? ''),
    options,
    hidden: input.options.hide === true,
  };
  const answer = search(ctx, session, 0);
  const key =
    answer.results.length > 0
      ? rememberAsk(ctx.sessions, session, () => randomBytes(6).toString('base64url'))
      : null;
  return buildAskView(answer, {
    key,
    offset: 0,
    hidden: session.hidden,
    canPost: input.caller.guildId !== null,
  });
}

export function autocompleteAsk(
  ctx: AppContext,
  focused: { name: string; value: string },
): Choice[] {
  const partial = focused.value.slice(0, 100);
  if (focused.name === 'speaker') {
    return suggestSpeakers(ctx.corpus, partial, 25).map((s) => ({
      name: s.role ? `${s.name} — ${s.role}` : s.name,
      value: s.name,
    }));
  }
  if (focused.name === 'meeting') {
    return suggestMeetings(ctx.corpus, partial, 25).map((m) => ({
      name: `${m.date ?? 'undated'} — ${m.title ?? m.file}`,
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
  const session = parsed ? recallAsk(ctx.sessions, parsed.key) : null;
  if (!parsed || !session) return { mode: 'reply', view: textReply(EXPIRED) };
  const answer = search(ctx, session, parsed.offset);
  if (answer.results.length === 0) return { mode: 'reply', view: textReply(EXPIRED) };
  if (parsed.action === 'context') {
    const top = answer.results[0];
    return {
      mode: 'reply',
      view: top ? buildContextView(top.statement, top.meeting) : textReply(EXPIRED),
    };
  }
  if (parsed.action === 'post') {
    const view = buildAskView(answer, {
      key: parsed.key,
      offset: parsed.offset,
      hidden: false,
      sharedBy: input.caller.userId,
    });
    return { mode: 'channel', view };
  }
  return {
    mode: 'update',
    view: buildAskView(answer, {
      key: parsed.key,
      offset: parsed.offset,
      hidden: session.hidden,
      canPost: input.caller.guildId !== null,
    }),
  };
}

export const ask: CommandModule = {
  data,
  defer: true,
  run: runAsk,
  autocomplete: autocompleteAsk,
  button: pressAskButton,
};
