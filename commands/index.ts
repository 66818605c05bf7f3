// Every command the bot serves, in the order `npm run deploy` registers them. No folder scanning.
import type { CommandModule } from './types.js';

export const commands: readonly CommandModule[] = [];
