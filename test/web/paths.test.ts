// Meeting and speaker addresses: any id the corpus can hold survives the trip through a URL, and
// anything else reads as no id at all.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meetingPath, readIdFromPath, speakerPath, statementPath } from '../../src/web/paths.js';

/** What a browser sends for a link: the path after the URL parser has read it. */
function sent(path: string): string {
  return new URL(path, 'http://localhost').pathname;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/u;

describe('web paths', () => {
  it('brings every meeting id back from its address, slashes and odd characters included', () => {
    const segment = fc
      .string({ minLength: 1, maxLength: 12, unit: 'grapheme' })
      .filter((s) => !s.includes('/') && s !== '.' && s !== '..' && !CONTROL.test(s));
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), (segments) => {
        const id = segments.join('/');
        expect(readIdFromPath(sent(meetingPath(id)), '/m/')).toBe(id);
      }),
    );
    expect(meetingPath('council/2026 #1?.txt')).toBe('/m/council/2026%20%231%3F.txt');
    expect(readIdFromPath(sent(speakerPath('Ada / Finch')), '/s/')).toBe('Ada / Finch');
  });

  it('puts a statement at its anchor, s-<index>', () => {
    expect(statementPath('council/a.txt#12', 'council/a.txt')).toBe('/m/council/a.txt#s-12');
  });

  it('reads no id from other paths, bad escapes or control characters', () => {
    expect(readIdFromPath('/m/', '/m/')).toBeNull();
    expect(readIdFromPath('/other/a.txt', '/m/')).toBeNull();
    expect(readIdFromPath('/m/%E0%A4%A', '/m/')).toBeNull();
    expect(readIdFromPath('/m/a%00.txt', '/m/')).toBeNull();
    expect(readIdFromPath('/m/a%0A.txt', '/m/')).toBeNull();
  });
});
