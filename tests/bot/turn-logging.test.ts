/** Correlation ids on log lines: one per turn, carried through awaits, never mixed between concurrent turns. */
import { Writable } from 'node:stream';
import { correlationIdFor, createTurnLogging } from '../../src/bot/turn-logging';
import { createLogger } from '../../src/logging/logger';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function capture(): { lines: Record<string, unknown>[]; destination: Writable } {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      callback();
    },
  });
  return { lines, destination };
}

describe('turn logging', () => {
  it.each([
    ['a plain activity id', { id: 'f:1234-abcd' }, 'f:1234-abcd'],
    ['a Teams message id', { id: '1733912345678' }, '1733912345678'],
  ])('uses %s as the correlation id', (_label, body, expected) => {
    expect(correlationIdFor(body)).toBe(expected);
  });

  it.each([
    ['no id', {}],
    ['an id with a newline (log forging)', { id: 'abc\n{"level":60,"msg":"forged"}' }],
    ['an id with control characters', { id: 'abc\u0000\u001b[31m' }],
    ['a very long id', { id: 'x'.repeat(500) }],
    ['an id that is not a string', { id: { nested: true } }],
    ['a body that is not an object', 'message'],
  ])('makes a fresh uuid for %s', (_label, body) => {
    expect(correlationIdFor(body)).toMatch(UUID);
  });

  it('puts each turn\'s id on every line it logs, through awaits, without mixing concurrent turns', async () => {
    const { lines, destination } = capture();
    const turns = createTurnLogging(createLogger({ level: 'info', destination }));
    const work = (name: string) => async () => {
      turns.logger.info({ step: 1, worker: name }, 'start');
      await new Promise((resolve) => setTimeout(resolve, name === 'a' ? 20 : 5));
      turns.logger.child({ part: 'inner' }).info({ step: 2, worker: name }, 'after a wait');
    };
    await Promise.all([turns.runTurn('turn-a', work('a')), turns.runTurn('turn-b', work('b'))]);
    turns.logger.info('outside any turn');
    expect(lines.filter((line) => line.worker === 'a').map((line) => line.correlationId)).toEqual(['turn-a', 'turn-a']);
    expect(lines.filter((line) => line.worker === 'b').map((line) => line.correlationId)).toEqual(['turn-b', 'turn-b']);
    expect(lines.find((line) => line.msg === 'outside any turn')?.correlationId).toBeUndefined();
  });
});
