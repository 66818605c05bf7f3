// /meeting's chart: each speaker's share of the meeting, in words spoken and in turns. A turn is
// a run of one speaker's statements (unattributed narration between them does not end it);
// words are counted in what the statement says (spokenText, without caption furniture).
import { spokenText } from '../corpus/text.js';
import type { Meeting } from '../corpus/types.js';
import type { FileView } from '../answers/view.js';
import { meetingTitle } from '../answers/format.js';
import { chartLocale, type ChartLocale } from './locale.js';
import { rasterizeSvg } from './raster.js';
import {
  CHART_HEIGHT,
  CHART_WIDTH,
  PALETTE,
  fitText,
  svgDocument,
  svgRect,
  svgText,
} from './svg.js';

/** Speakers drawn by name; past that, the rest share one "others" row. */
export const SHARE_TOP_SPEAKERS = 7;

export interface ShareRow {
  name: string;
  words: number;
  turns: number;
  /** The row stands for this many speakers ("3 others"); absent for a named speaker. */
  others?: number;
}

export interface ShareData {
  meeting: { id: string; title: string; date: string | null };
  rows: ShareRow[];
  words: number;
  turns: number;
  speakers: number;
}

function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
}

export function meetingShareData(meeting: Meeting, top = SHARE_TOP_SPEAKERS): ShareData {
  const bySpeaker = new Map<string, { words: number; turns: number; first: number }>();
  let previous: string | null = null;
  meeting.statements.forEach((s, i) => {
    if (!s.speaker) return;
    const row = bySpeaker.get(s.speaker) ?? { words: 0, turns: 0, first: i };
    row.words += countWords(spokenText(s));
    if (s.speaker !== previous) row.turns++;
    bySpeaker.set(s.speaker, row);
    previous = s.speaker;
  });
  const ranked = [...bySpeaker]
    .map(([name, r]) => ({ name, ...r }))
    .sort((a, b) => b.words - a.words || b.turns - a.turns || a.first - b.first);
  const keep = ranked.length <= top + 1 ? ranked.length : top;
  const rows: ShareRow[] = ranked
    .slice(0, keep)
    .map((r) => ({ name: r.name, words: r.words, turns: r.turns }));
  const rest = ranked.slice(keep);
  if (rest.length > 0)
    rows.push({
      name: `${rest.length} others`,
      words: rest.reduce((a, r) => a + r.words, 0),
      turns: rest.reduce((a, r) => a + r.turns, 0),
      others: rest.length,
    });
  return {
    meeting: { id: meeting.id, title: meetingTitle(meeting), date: meeting.date },
    rows,
    words: ranked.reduce((a, r) => a + r.words, 0),
    turns: ranked.reduce((a, r) => a + r.turns, 0),
    speakers: ranked.length,
  };
}

const share = (part: number, whole: number): number => (whole > 0 ? part / whole : 0);

function plural(n: number, word: string, locale: ChartLocale): string {
  return `${locale.number(n)} ${word}${n === 1 ? '' : 's'}`;
}

function meetingName(data: ShareData, locale: ChartLocale): string {
  return data.meeting.date
    ? `${data.meeting.title} (${locale.day(data.meeting.date)})`
    : data.meeting.title;
}

/** The alt text: the meeting and each row's share of words and turns. */
export function describeMeetingShare(data: ShareData, locale: ChartLocale): string {
  if (data.rows.length === 0)
    return `Who spoke how much at ${meetingName(data, locale)}: no statement is attributed to a speaker.`;
  const rows = data.rows.map(
    (r) =>
      `${r.name} ${locale.percent(share(r.words, data.words))} of words (${locale.number(r.words)}), ` +
      `${locale.percent(share(r.turns, data.turns))} of turns (${locale.number(r.turns)})`,
  );
  const head =
    `Who spoke how much at ${meetingName(data, locale)}: ${plural(data.words, 'word', locale)} in ` +
    `${plural(data.turns, 'turn', locale)} by ${plural(data.speakers, 'speaker', locale)}. `;
  let text = head;
  for (const [i, row] of rows.entries()) {
    const next = `${i === 0 ? '' : '; '}${row}`;
    if (text.length + next.length + 1 > 1024) break;
    text += next;
  }
  return `${text}.`;
}

const PAD = 24;
const NAME_RIGHT = 200;
const BAR_LEFT = 210;
const BAR_RIGHT = 560;
const LABEL_LEFT = 572;

export function meetingShareSvg(data: ShareData, localeTag?: string | null): string {
  const locale = chartLocale(localeTag);
  const body: string[] = [];
  body.push(
    svgText(
      PAD,
      34,
      fitText(`Who spoke how much — ${data.meeting.title}`, CHART_WIDTH - 2 * PAD, 17),
      {
        size: 17,
        weight: 'bold',
      },
    ),
  );
  const date = data.meeting.date ? `${locale.day(data.meeting.date)} · ` : '';
  body.push(
    svgText(
      PAD,
      54,
      `${date}${plural(data.words, 'word', locale)} in ${plural(data.turns, 'turn', locale)} by ${plural(data.speakers, 'speaker', locale)}`,
      { size: 12, fill: PALETTE.muted },
    ),
  );
  const wordsColor = PALETTE.series[0];
  const turnsColor = PALETTE.series[1];
  body.push(svgRect(BAR_LEFT, 66, 11, 11, wordsColor));
  body.push(svgText(BAR_LEFT + 16, 76, 'share of words', { size: 12 }));
  body.push(svgRect(BAR_LEFT + 130, 66, 11, 11, turnsColor));
  body.push(svgText(BAR_LEFT + 146, 76, 'share of turns', { size: 12 }));
  if (data.rows.length === 0) {
    body.push(
      svgText(CHART_WIDTH / 2, 220, 'No statement is attributed to a speaker', {
        size: 14,
        anchor: 'middle',
        fill: PALETTE.muted,
      }),
    );
    return svgDocument(body, describeMeetingShare(data, locale));
  }
  const top = 92;
  const rowHeight = Math.min(48, (CHART_HEIGHT - top - 16) / data.rows.length);
  const barHeight = Math.max(5, Math.min(14, (rowHeight - 8) / 2));
  // The longest bar fills the width; every bar is to the same scale (its share of the meeting).
  const maxShare = Math.max(
    ...data.rows.map((r) => Math.max(share(r.words, data.words), share(r.turns, data.turns))),
    0.01,
  );
  const width = (s: number): number => (s / maxShare) * (BAR_RIGHT - BAR_LEFT);
  data.rows.forEach((r, i) => {
    const y = top + i * rowHeight;
    const mid = y + rowHeight / 2;
    const wordsShare = share(r.words, data.words);
    const turnsShare = share(r.turns, data.turns);
    body.push(
      svgText(NAME_RIGHT, mid + 4, fitText(r.name, NAME_RIGHT - PAD, 13), {
        size: 13,
        anchor: 'end',
        fill: r.others ? PALETTE.muted : PALETTE.text,
      }),
    );
    body.push(svgRect(BAR_LEFT, mid - barHeight - 1, width(wordsShare), barHeight, wordsColor));
    body.push(svgRect(BAR_LEFT, mid + 1, width(turnsShare), barHeight, turnsColor));
    body.push(
      svgText(
        LABEL_LEFT,
        mid - 3,
        `${locale.percent(wordsShare)} · ${plural(r.words, 'word', locale)}`,
        { size: 11 },
      ),
    );
    body.push(
      svgText(
        LABEL_LEFT,
        mid + 11,
        `${locale.percent(turnsShare)} · ${plural(r.turns, 'turn', locale)}`,
        { size: 11, fill: PALETTE.muted },
      ),
    );
  });
  return svgDocument(body, describeMeetingShare(data, locale));
}

export function meetingShareFile(data: ShareData, localeTag?: string | null): FileView {
  return {
    name: 'speakers.png',
    data: rasterizeSvg(meetingShareSvg(data, localeTag)),
    description: describeMeetingShare(data, chartLocale(localeTag)),
  };
}
