// The /trend reply: the chart of how often statements match some words over time (a card showing
// the image), then the three best-matching statements, verbatim and cited, as /ask quotes them.
import type { AskAnswer } from '../search/engine.js';
import type { TrendData } from '../charts/trend.js';
import { buildStatementField } from './ask-view.js';
import { describeOutcome } from './ask-words.js';
import { shown } from './format.js';
import { emptyCard, textReply, type FileView, type ReplyView } from './view.js';

/** Statements quoted under the chart. */
export const TREND_QUOTES = 3;

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

export function buildTrendView(
  answer: AskAnswer,
  data: TrendData | null,
  chart: FileView | null,
): ReplyView {
  const words = answer.question;
  if (!data)
    return textReply(
      describeOutcome(answer) ?? `Nothing in the reports matches “${shown(words, 200)}”.`,
    );
  const card = emptyCard();
  card.title = shown(`“${words}” over time${data.speaker ? ` · ${data.speaker}` : ''}`, 256);
  const lines = [
    `**${plural(data.matches, 'statement')}** match in ${plural(data.meetings, 'meeting')}: the statements /ask answers with for these words.`,
  ];
  const bySpeaker = data.series.map((s) => `${shown(s.name)} ${s.total}`).join(', ');
  if (bySpeaker) lines.push(`By speaker: ${bySpeaker}.`);
  const note = describeOutcome(answer, { sayNothing: false });
  if (note) lines.push(`*${note}*`);
  card.description = lines.join('\n');
  if (chart) card.image = chart.name;

  const quotes = emptyCard();
  quotes.title = 'Best matches';
  answer.results.slice(0, TREND_QUOTES).forEach((r, i) => {
    quotes.fields.push(
      buildStatementField(r.statement, r.meeting, `${i + 1}. `, words, {
        terms: answer.terms,
        asksWhen: answer.asksWhen,
      }),
    );
  });
  quotes.footer = 'Quotes are verbatim from the reports.';
  const view: ReplyView = { ephemeral: false, content: null, cards: [card, quotes], buttons: [] };
  if (chart) view.files = [chart];
  return view;
}
