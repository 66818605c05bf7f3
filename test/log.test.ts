// The logger never prints the bot token, wherever it hides.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz';

function capture(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(String(chunk));
      cb();
    },
  });
  return { stream, text: () => chunks.join('') };
}

describe('createLogger', () => {
  it('redacts the token in fields, nested config, messages and errors', async () => {
    const out = capture();
    const log = createLogger({ level: 'info', secrets: [TOKEN], destination: out.stream });
    log.info({ token: TOKEN, config: { discordToken: TOKEN } }, 'starting');
    log.info(`logging in with ${TOKEN}`);
    log.error({ err: new Error(`401 for Bot ${TOKEN}`) }, 'failed');
    log.info({ headers: { authorization: `Bot ${TOKEN}` } }, 'request');
    await new Promise((r) => setImmediate(r));
    const text = out.text();
    expect(text.split('\n').filter(Boolean)).toHaveLength(4);
    expect(text).not.toContain(TOKEN);
    expect(text).toContain('[redacted]');
    expect(text).toContain('logging in with [redacted]');
  });

  it('writes structured JSON with the fields given', async () => {
    const out = capture();
    const log = createLogger({ level: 'info', destination: out.stream });
    log.info({ command: 'ask', guildId: '1' }, 'answered');
    log.debug('hidden below the level');
    await new Promise((r) => setImmediate(r));
    const lines = out.text().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      command: 'ask',
      guildId: '1',
      msg: 'answered',
    });
  });
});
