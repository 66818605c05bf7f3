// Charts join replies that stand without them: a chart that fails to draw is logged and left
// out, and the profile, digest or trend text still answers.
import type { Logger } from 'pino';
import type { FileView } from '../answers/view.js';

export function tryChart(
  log: Pick<Logger, 'error'>,
  chart: string,
  draw: () => FileView,
): FileView | null {
  try {
    return draw();
  } catch (err) {
    log.error({ err, chart }, 'chart failed to draw; the reply goes without it');
    return null;
  }
}
