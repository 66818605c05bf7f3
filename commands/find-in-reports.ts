// Message context menu "Find in reports": is this message's quote in the reports, verbatim or close?
import { ApplicationCommandType, ContextMenuCommandBuilder } from 'discord.js';
import type { AppContext } from '../src/context.js';
import type { CommandInput, CommandModule } from './types.js';
import { buildFindView, findInReports } from '../src/answers/find-view.js';
import { textReply } from '../src/answers/view.js';
import type { ReplyView } from '../src/answers/view.js';
import { withReportLinks } from '../src/web/links.js';

const data = new ContextMenuCommandBuilder()
  .setName('Find in reports')
  .setType(ApplicationCommandType.Message);

export async function runFindInReports(ctx: AppContext, input: CommandInput): Promise<ReplyView> {
  const text = input.target?.content ?? '';
  if (text.trim() === '')
    return textReply('That message has no text to look for (only attachments or embeds).');
  const result = findInReports(ctx.index, text);
  const cited = result.matches.map((m) => m.statement);
  return withReportLinks(buildFindView(result), cited, ctx.config.publicUrl);
}

export const findInReportsCommand: CommandModule = { data, defer: true, run: runFindInReports };
