// The filter options /ask and /trend share (speaker, from, to): one wording, one set of limits.
import type { SlashCommandStringOption } from 'discord.js';

export const speakerOption = (o: SlashCommandStringOption): SlashCommandStringOption =>
  o.setName('speaker').setDescription('Only this speaker').setAutocomplete(true).setMaxLength(200);

export const fromOption = (o: SlashCommandStringOption): SlashCommandStringOption =>
  o.setName('from').setDescription('Meetings on or after this date (YYYY-MM-DD)').setMaxLength(10);

export const toOption = (o: SlashCommandStringOption): SlashCommandStringOption =>
  o.setName('to').setDescription('Meetings on or before this date (YYYY-MM-DD)').setMaxLength(10);
