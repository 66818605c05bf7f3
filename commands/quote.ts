// /quote [speaker] [random]: the server's quote of the day (or a speaker's, or a random one), with Context.
import { SlashCommandBuilder } from 'discord.js';
import type { CommandModule } from './types.js';
import { answerQuote, answerQuoteContext, suggestQuoteSpeakers } from '../src/daily/replies.js';
import { textReply } from '../src/answers/view.js';
import { findQuotedStatement, withReportLinks } from '../src/web/links.js';

export const quoteCommand: CommandModule = {
  data: new SlashCommandBuilder()
    .setName('quote')
    .setDescription("Today's quote from the meeting reports, word for word, with its source")
    .addStringOption((o) =>
      o
        .setName('speaker')
        .setDescription('Only quotes by this person')
        .setAutocomplete(true)
        .setMaxLength(100),
    )
    .addBooleanOption((o) =>
      o.setName('random').setDescription('A random quote instead of the quote of the day'),
    ),
  async run(ctx, input) {
    const speaker = input.options.speaker;
    const view = await answerQuote(ctx, {
      speaker: typeof speaker === 'string' ? speaker : null,
      random: input.options.random === true,
      guildId: input.caller.guildId,
      userId: input.caller.userId,
    });
    const quoted = findQuotedStatement(view, ctx.corpus);
    return withReportLinks(view, quoted ? [quoted] : [], ctx.config.publicUrl);
  },
  autocomplete(ctx, focused) {
    if (focused.name !== 'speaker') return [];
    return suggestQuoteSpeakers(ctx, focused.value).map((name) => ({ name, value: name }));
  },
  async button(ctx, customId) {
    const [, action, key] = customId.split(':');
    if (action !== 'context' || !key) {
      return { mode: 'reply', view: textReply('This button has expired — ask again with /quote.') };
    }
    return { mode: 'reply', view: answerQuoteContext(ctx, key) };
  },
};
