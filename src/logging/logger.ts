/**
 * JSON logs (pino). Section text, names, tokens and secrets never reach a log: callers log ids
 * and counts, and the redaction below is the safety net for fields that slip through.
 */
import pino, { type Logger, type DestinationStream } from 'pino';

export type { Logger };

const REDACTED_PATHS = [
  'text',
  'items',
  'paragraphs',
  'comment',
  'closingNote',
  'title',
  'name',
  'email',
  'password',
  'secret',
  'token',
  'authorization',
  'headers.authorization',
  'req.headers.authorization',
  '*.text',
  '*.title',
  '*.name',
  '*.email',
  '*.password',
  '*.secret',
  '*.token',
  '*.authorization',
];

export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'tass-bot' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  );
}

/** Strips control characters and shortens a user-typed value before it goes anywhere near a log. */
export function safeLogField(value: unknown, max = 80): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  return cleaned.length > max ? `${cleaned.slice(0, max)}…` : cleaned;
}
