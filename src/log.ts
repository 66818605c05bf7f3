// The structured logger (pino). Secrets such as the bot token never reach the output.
import { Writable } from 'node:stream';
import pino from 'pino';
import type { DestinationStream, Logger } from 'pino';

export interface LogOptions {
  level: string;
  /** Strings scrubbed from every line (the bot token), wherever they appear. */
  secrets?: (string | null)[];
  /** Where lines go; default standard output (the console sends them to standard error). */
  destination?: DestinationStream | NodeJS.WritableStream;
}

const REDACTED_PATHS = [
  'token',
  'discordToken',
  '*.token',
  '*.discordToken',
  'config.discordToken',
  'headers.authorization',
  'headers.Authorization',
  '*.headers.authorization',
];

export function createLogger(options: LogOptions): Logger {
  const secrets = (options.secrets ?? []).filter(
    (s): s is string => typeof s === 'string' && s.length >= 8,
  );
  const target = options.destination ?? process.stdout;
  // Field redaction covers known paths; the scrubbing stream also catches a token inside an
  // error message or a URL, where no path names it.
  const destination = secrets.length === 0 ? target : scrubbingStream(target, secrets);
  return pino(
    {
      level: options.level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      base: { app: 'verbatim' },
    },
    destination as DestinationStream,
  );
}

function scrubbingStream(
  target: DestinationStream | NodeJS.WritableStream,
  secrets: string[],
): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      let line = String(chunk);
      for (const secret of secrets) line = line.split(secret).join('[redacted]');
      target.write(line);
      callback();
    },
  });
}
