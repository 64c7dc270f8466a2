/** `tass outbox`, run as a child process: what waits for SharePoint, what was held, and discarding a held write. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OutboxFile } from '../../../src/store/outbox/outbox-file';
import { anUpdate, aLocality } from '../../support/builders';
import { runTass } from '../../support/run-tass-cli';

describe('tass outbox', () => {
  let dir: string;
  let file: string;
  let pendingSeq: number;
  let heldSeq: number;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tass-outbox-cli-'));
    file = path.join(dir, 'outbox.db');
    const outbox = OutboxFile.open(file);
    heldSeq = outbox.append({ op: 'savePriorityUpdate', update: anUpdate(), expectedVersion: 1 }, '2025-03-10T09:00:00.000Z');
    pendingSeq = outbox.append({ op: 'upsertLocality', locality: aLocality() }, '2025-03-10T09:01:00.000Z');
    outbox.hold(heldSeq, 'conflict', 'ConflictError: priority update central-school-avoidance|2024-25-autumn was changed by someone else since it was read');
    outbox.close();
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists the waiting and the held writes, naming entities by key and never printing their text', async () => {
    const run = await runTass(['outbox', '--file', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 write(s) waiting for SharePoint, 1 held.');
    expect(run.stdout).toContain(`#${heldSeq}  conflict`);
    expect(run.stdout).toContain('priorityUpdate central-school-avoidance|2024-25-autumn');
    expect(run.stdout).toContain(`#${pendingSeq}  pending`);
    expect(run.stdout).not.toContain('8 high schools attended');
    const json = await runTass(['outbox', '--file', file, '--json']);
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({ seq: heldSeq, state: 'conflict', op: 'savePriorityUpdate' }),
      expect.objectContaining({ seq: pendingSeq, state: 'pending', op: 'upsertLocality' }),
    ]);
  });

  it('discards a held write, and refuses to discard one still waiting', async () => {
    const refused = await runTass(['outbox', '--file', file, '--discard', String(pendingSeq)]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr.trim()).toBe(`tass: write #${pendingSeq} is still waiting to be replayed; only held writes can be discarded`);
    const discarded = await runTass(['outbox', '--file', file, '--discard', String(heldSeq)]);
    expect(discarded.code).toBe(0);
    const outbox = OutboxFile.open(file);
    expect(outbox.items().map((item) => item.seq)).toEqual([pendingSeq]);
    outbox.close();
  });

  it('says there is nothing waiting when there is no outbox, without creating one', async () => {
    const missing = path.join(dir, 'none.db');
    const run = await runTass(['outbox', '--file', missing]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('nothing is waiting');
    expect(fs.existsSync(missing)).toBe(false);
  });
});
