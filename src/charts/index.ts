// What other front ends (the web view) use of the charts: the data and SVG of each chart type.
// Discord and the console get PNG files through the commands; a page can inline the same SVG.
export { speakerTimelineData, speakerTimelineSvg, describeSpeakerTimeline } from './timeline.js';
export type { TimelineData } from './timeline.js';
export { buildTrend, trendSvg, describeTrend } from './trend.js';
export type { TrendData, TrendOptions } from './trend.js';
export { meetingShareData, meetingShareSvg, describeMeetingShare } from './share.js';
export type { ShareData } from './share.js';
export { chartLocale } from './locale.js';
export { CHART_HEIGHT, CHART_WIDTH } from './svg.js';
