// Every command the bot serves, in the order `npm run deploy` registers them. No folder scanning.
import type { CommandModule } from './types.js';
import { alertCommand } from './alert.js';
import { announceCommand } from './announce.js';
import { ask } from './ask.js';
import { dailyCommand } from './daily.js';
import { findInReportsCommand } from './find-in-reports.js';
import { meeting } from './meeting.js';
import { quoteCommand } from './quote.js';
import { trend } from './trend.js';
import { who } from './who.js';

export const commands: readonly CommandModule[] = [
  ask,
  who,
  meeting,
  quoteCommand,
  dailyCommand,
  findInReportsCommand,
  trend,
  announceCommand,
  alertCommand,
];
