// The renderer: whatever a command returns, Discord never gets a payload over its limits.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Card, ReplyView } from '../../src/answers/view.js';
import {
  clampChoices,
  renderMessage,
  renderReply,
  truncateText,
} from '../../src/discord/render.js';
import { validateChoices, validateMessage } from '../support/fake-discord.js';

function toApiBody(message: ReturnType<typeof renderReply>): Record<string, unknown> {
  const { allowedMentions, ...rest } = message;
  return { ...rest, allowed_mentions: allowedMentions };
}

const card = (over: Partial<Card>): Card => ({
  title: null,
  url: null,
  description: null,
  fields: [],
  footer: null,
  ...over,
});

describe('truncateText', () => {
  it('leaves short text alone', () => {
    expect(truncateText('The level of cooperation', 100)).toBe('The level of cooperation');
  });

  it('cuts at a word boundary and ends with an ellipsis', () => {
    expect(truncateText('The level of economic cooperation is very low', 25)).toBe(
      'The level of economic…',
    );
  });

  it('drops trailing punctuation before the ellipsis', () => {
    expect(truncateText('Trade, ports, railways, and roads', 16)).toBe('Trade, ports…');
  });

  it('cuts inside one enormous word rather than returning almost nothing', () => {
    expect(truncateText('a ' + 'x'.repeat(50), 20)).toBe('a ' + 'x'.repeat(17) + '…');
  });

  it('never exceeds the limit and never splits a surrogate pair', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        fc.integer({ min: 1, max: 200 }),
        (text, max) => {
          const out = truncateText(text, max);
          expect(out.length).toBeLessThanOrEqual(max);
          expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(out)).toBe(false);
          if (text.length <= max) expect(out).toBe(text);
          else expect(out.endsWith('…')).toBe(true);
        },
      ),
    );
  });
});

describe('renderReply', () => {
  it('maps a view to embeds and buttons, private when asked, never pinging anyone', () => {
    const view: ReplyView = {
      ephemeral: true,
      content: 'Hello @everyone',
      cards: [
        card({
          title: 'Title',
          url: 'https://example.org/a',
          description: 'Desc',
          footer: 'Foot',
          fields: [{ name: 'N', value: 'V' }],
        }),
      ],
      buttons: [{ id: 'ask:more:k', label: 'More', style: 'primary' }],
    };
    const out = renderReply(view);
    expect(out.flags).toBe(64);
    expect(out.allowedMentions).toEqual({ parse: [] });
    expect(out.embeds).toEqual([
      {
        title: 'Title',
        url: 'https://example.org/a',
        description: 'Desc',
        footer: { text: 'Foot' },
        fields: [{ name: 'N', value: 'V' }],
      },
    ]);
    expect(out.components).toEqual([
      { type: 1, components: [{ type: 2, custom_id: 'ask:more:k', label: 'More', style: 1 }] },
    ]);
    expect(renderMessage(view)).not.toHaveProperty('flags');
  });

  it('drops an invalid URL, an empty card and duplicate or over-long button ids', () => {
    const out = renderReply({
      ephemeral: false,
      content: null,
      cards: [card({ title: 'T', url: 'seeds/a.txt' }), card({})],
      buttons: [
        { id: 'a:b:c', label: 'One', style: 'primary' },
        { id: 'a:b:c', label: 'Two', style: 'primary' },
        { id: 'x'.repeat(101), label: 'Three', style: 'primary' },
      ],
    });
    expect(out.embeds).toEqual([{ title: 'T' }]);
    expect(out.components[0]?.components.map((b) => ('label' in b ? b.label : null))).toEqual([
      'One',
    ]);
  });

  it('never sends an empty message', () => {
    expect(
      renderReply({ ephemeral: false, content: '  ', cards: [], buttons: [] }).content,
    ).not.toBe('');
  });

  it('keeps 100 results and a 6,000-character statement within every limit', () => {
    const statement = 'word '.repeat(1200).trim();
    const fields = Array.from({ length: 100 }, (_, i) => ({
      name: `Speaker ${i} — ${'Meeting '.repeat(40)}`,
      value: statement,
    }));
    const view: ReplyView = {
      ephemeral: false,
      content: statement,
      cards: Array.from({ length: 12 }, () =>
        card({ title: statement, description: statement, footer: statement, fields }),
      ),
      buttons: Array.from({ length: 30 }, (_, i) => ({
        id: `ask:more:${i}`,
        label: statement,
        style: 'secondary' as const,
      })),
    };
    const out = renderReply(view);
    expect(validateMessage(toApiBody(out), true)).toEqual([]);
    expect(out.content.endsWith('word…')).toBe(true);
    expect(out.embeds[0]?.fields?.[0]?.value.endsWith('…') ?? true).toBe(true);
  });

  it('produces a payload Discord accepts for any view', () => {
    const text = fc.string({ maxLength: 3000 });
    const cardArb = fc.record({
      title: fc.option(text),
      url: fc.option(fc.oneof(fc.webUrl(), fc.string())),
      description: fc.option(fc.string({ maxLength: 6000 })),
      fields: fc.array(
        fc.record({ name: text, value: text, inline: fc.option(fc.boolean(), { nil: undefined }) }),
        { maxLength: 30 },
      ),
      footer: fc.option(text),
    });
    const viewArb = fc.record({
      ephemeral: fc.boolean(),
      content: fc.option(fc.string({ maxLength: 4000 })),
      cards: fc.array(cardArb, { maxLength: 12 }),
      buttons: fc.array(
        fc.record({
          id: fc.string({ minLength: 1, maxLength: 120 }),
          label: text,
          style: fc.constantFrom(
            'primary',
            'secondary',
            'success',
            'danger',
          ) as fc.Arbitrary<'primary'>,
        }),
        { maxLength: 30 },
      ),
    });
    fc.assert(
      fc.property(viewArb, (view) => {
        expect(validateMessage(toApiBody(renderReply(view)), true)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('clampChoices', () => {
  it('keeps at most 25 valid choices', () => {
    const choices = Array.from({ length: 40 }, (_, i) => ({
      name: 'n'.repeat(150),
      value: `${i}`.repeat(120),
    }));
    const out = clampChoices(choices);
    expect(out).toHaveLength(25);
    expect(validateChoices(out)).toEqual([]);
  });
});
