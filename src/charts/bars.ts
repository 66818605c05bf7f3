// A vertical bar chart over a time axis, stacked by series: the speaker timeline (one series) and
// the word trend (a few speakers and "others") are both drawn by it.
import type { TimeBucket } from './buckets.js';
import type { ChartLocale } from './locale.js';
import {
  CHART_HEIGHT,
  CHART_WIDTH,
  PALETTE,
  fitText,
  niceTicks,
  seriesColor,
  svgDocument,
  svgLine,
  svgRect,
  svgText,
  textWidth,
} from './svg.js';

export interface BarSeries {
  name: string;
  /** The grey "others" series. */
  others?: boolean;
}

export interface BarChart {
  title: string;
  subtitle: string;
  /** Stacking order, bottom first. */
  series: BarSeries[];
  /** One bar per bucket; `values[i]` belongs to `series[i]`. */
  bars: { label: string; values: number[] }[];
  /** What the bars count, for the axis ("statements"). */
  unit: string;
  locale: ChartLocale;
  /** Said in the plot when every bar is zero. */
  emptyText: string;
  /** Accessible name of the SVG (the alt text). */
  description: string;
}

/** The bar's label on the time axis, in the locale ("5 Mar 2017 · Budget hearing", "Mar 2017"). */
export function bucketLabel(bucket: TimeBucket, locale: ChartLocale): string {
  switch (bucket.kind) {
    case 'meeting':
      return `${locale.day(bucket.start ?? '')}${bucket.title ? ` · ${bucket.title}` : ''}`;
    case 'month':
      return locale.month(bucket.start ?? '');
    case 'year':
      return locale.year(bucket.start ?? '');
    case 'years':
      return `${locale.year(bucket.start ?? '')}–${bucket.endYear ?? ''}`;
    case 'undated':
      return bucket.title && bucket.meetingIds.length === 1 ? bucket.title : 'undated';
  }
}

const PAD = 24;
const LABEL_ROOM = 92;
const MAX_LABELS = 25;
const SLANT = Math.PI / 5;

export function barChartSvg(chart: BarChart): string {
  const body: string[] = [];
  body.push(
    svgText(PAD, 34, fitText(chart.title, CHART_WIDTH - 2 * PAD, 17), { size: 17, weight: 'bold' }),
  );
  body.push(
    svgText(PAD, 54, fitText(chart.subtitle, CHART_WIDTH - 2 * PAD, 12), {
      size: 12,
      fill: PALETTE.muted,
    }),
  );
  let top = 90;
  if (chart.series.length > 1) {
    let x = PAD;
    const room = (CHART_WIDTH - 2 * PAD) / chart.series.length - 22;
    chart.series.forEach((s, i) => {
      const name = fitText(s.name, room, 12);
      body.push(svgRect(x, 66, 11, 11, seriesColor(i, s.others)));
      body.push(svgText(x + 16, 76, name, { size: 12 }));
      x += 16 + textWidth(name, 12) + 18;
    });
    top = 108;
  }
  const totals = chart.bars.map((b) => b.values.reduce((a, v) => a + v, 0));
  const max = Math.max(0, ...totals);
  const ticks = niceTicks(max);
  const axisMax = ticks[ticks.length - 1] ?? 1;
  const tickWidth = Math.max(...ticks.map((t) => textWidth(chart.locale.number(t), 11)));
  const left = PAD + tickWidth + 8;
  const right = CHART_WIDTH - PAD;
  const n = Math.max(1, chart.bars.length);
  const slot = (right - left) / n;
  // Labels lie flat when they fit under their bar; else they slant, and only every k-th is shown.
  const flat = chart.bars.every((b) => textWidth(b.label, 11) <= slot - 6);
  // A few wide bars: "date · title" on two lines, the title cut to the bar's width.
  const twoLines =
    !flat &&
    slot >= 70 &&
    chart.bars.every((b) => textWidth(b.label.split(' · ')[0] ?? '', 11) <= slot - 6);
  const bottom = CHART_HEIGHT - (flat ? 40 : twoLines ? 54 : LABEL_ROOM);
  const height = bottom - top;
  const y = (v: number): number => bottom - (v / axisMax) * height;

  for (const t of ticks) {
    body.push(svgLine(left, y(t), right, y(t), t === 0 ? PALETTE.axis : PALETTE.grid));
    body.push(
      svgText(left - 6, y(t) + 4, chart.locale.number(t), {
        size: 11,
        fill: PALETTE.muted,
        anchor: 'end',
      }),
    );
  }
  body.push(svgText(PAD, top - 16, chart.unit, { size: 11, fill: PALETTE.muted }));

  const barWidth = Math.max(2, Math.min(56, slot * 0.72));
  chart.bars.forEach((bar, i) => {
    const x = left + i * slot + (slot - barWidth) / 2;
    let base = 0;
    bar.values.forEach((v, s) => {
      if (v <= 0) return;
      body.push(
        svgRect(
          x,
          y(base + v),
          barWidth,
          y(base) - y(base + v),
          seriesColor(s, chart.series[s]?.others),
        ),
      );
      base += v;
    });
    if (n <= 30 && base > 0)
      body.push(
        svgText(x + barWidth / 2, y(base) - 4, chart.locale.number(base), {
          size: 10,
          anchor: 'middle',
          fill: PALETTE.muted,
        }),
      );
  });
  if (max === 0)
    body.push(
      svgText((left + right) / 2, top + height / 2, chart.emptyText, {
        size: 14,
        anchor: 'middle',
        fill: PALETTE.muted,
      }),
    );

  const every = Math.ceil(chart.bars.length / MAX_LABELS);
  chart.bars.forEach((bar, i) => {
    if (i % every !== 0) return;
    const cx = left + i * slot + slot / 2;
    if (flat) {
      body.push(svgText(cx, bottom + 18, bar.label, { size: 11, anchor: 'middle' }));
    } else if (twoLines) {
      const [first = '', ...rest] = bar.label.split(' · ');
      body.push(svgText(cx, bottom + 18, first, { size: 11, anchor: 'middle' }));
      if (rest.length > 0)
        body.push(
          svgText(cx, bottom + 33, fitText(rest.join(' · '), slot - 6, 11), {
            size: 11,
            anchor: 'middle',
            fill: PALETTE.muted,
          }),
        );
    } else {
      // Slanted at 36°: as long as the room below the axis and the room to the card's left allow.
      const room = Math.min((LABEL_ROOM - 14) / Math.sin(SLANT), (cx - 6) / Math.cos(SLANT));
      // A title cut to a stub says nothing: then the date alone labels the meeting.
      const [date = '', ...title] = bar.label.split(' · ');
      let label = fitText(bar.label, room, 11);
      if (title.length > 0 && label.length < date.length + 3 + 10) label = fitText(date, room, 11);
      body.push(
        svgText(cx + 4, bottom + 14, label, {
          size: 11,
          anchor: 'end',
          rotate: -(SLANT * 180) / Math.PI,
        }),
      );
    }
  });
  return svgDocument(body, chart.description);
}
