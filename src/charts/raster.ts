// SVG → PNG with resvg, loading only the font shipped beside this file, so a chart is the same
// picture on every machine (no system fonts, no fallbacks that differ between hosts).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { FONT_FAMILY } from './svg.js';

export const FONT_FILE = fileURLToPath(new URL('./fonts/DejaVuSans.ttf', import.meta.url));

/** The PNG of an SVG chart at its own size. */
export function rasterizeSvg(svg: string): Uint8Array {
  // Without the font every label would silently render as nothing: say so instead.
  if (!existsSync(FONT_FILE))
    throw new Error(`The chart font is missing at ${FONT_FILE}; reinstall the package.`);
  const resvg = new Resvg(svg, {
    font: { fontFiles: [FONT_FILE], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    fitTo: { mode: 'original' },
    background: 'rgba(0,0,0,0)',
  });
  return new Uint8Array(resvg.render().asPng());
}
