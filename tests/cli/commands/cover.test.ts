/** `tass cover` run as a child process against a real SQLite file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../src/config/config';
import { addDays, isoDay } from '../../../src/domain/cover';
import { openStore } from '../../../src/store/open-store';
import { aLocality, anOfficer } from '../../support/builders';
import { runTass } from '../../support/run-tass-cli';

jest.setTimeout(180_000);

const today = isoDay(new Date());

describe('tass cover', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tass-cli-cover-'));
    db = path.join(dir, 'tass.db');
    const store = await openStore(loadConfig({ TASS_DB: db, TASS_DATA_DIR: dir }));
    await store.upsertLocality(aLocality());
    await store.upsertLocality(aLocality({ id: 'preston', name: 'Preston', order: 3 }));
    await store.upsertOfficer(anOfficer());
    await store.upsertOfficer(anOfficer({ id: 'officer-peter-hale', name: 'Peter Hale', email: 'peter.hale@lancashire.gov.uk', aadObjectId: 'aad-peter', localityIds: ['preston'] }));
    await store.upsertOfficer(anOfficer({ id: 'officer-mary', name: 'Mary Holt', email: 'mary.holt@lancashire.gov.uk', aadObjectId: 'aad-mary', roles: ['manager'], localityIds: [] }));
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function coversInStore() {
    const store = await openStore(loadConfig({ TASS_DB: db, TASS_DATA_DIR: dir }));
    try {
      return await store.listCovers();
    } finally {
      await store.close();
    }
  }

  it('sets, lists and ends a cover', async () => {
    const set = await runTass([
      'cover', 'set', '--db', db, '--locality', 'central lancs', '--officer', 'Peter.Hale@lancashire.gov.uk',
      '--absent', 'Alison Walsh', '--from', addDays(today, -3), '--to', addDays(today, 10), '--by', 'mary.holt@lancashire.gov.uk',
    ]);
    expect(set.stderr).toBe('');
    expect(set.code).toBe(0);
    const id = set.stdout.split('\t')[0];
    expect(set.stdout).toContain('Peter Hale covers Central Lancs for Alison Walsh');
    expect(await coversInStore()).toEqual([
      { id, localityId: 'central-lancs', coverOfficerId: 'officer-peter-hale', absentOfficerId: 'officer-alison-walsh', from: addDays(today, -3), to: addDays(today, 10), assignedBy: 'officer-mary' },
    ]);

    const list = await runTass(['cover', 'list', '--db', db]);
    expect(list.code).toBe(0);
    expect(list.stdout).toBe(`${id}\tcurrent\tPeter Hale covers Central Lancs for Alison Walsh, ${longDate(addDays(today, -3))} to ${longDate(addDays(today, 10))}\n`);

    const end = await runTass(['cover', 'end', id, '--db', db]);
    expect(end.code).toBe(0);
    expect(end.stdout).toBe(`${id} ended: its last day was ${addDays(today, -1)}\n`);
    expect((await coversInStore())[0].to).toBe(addDays(today, -1));
    expect((await runTass(['cover', 'list', '--db', db])).stdout).toContain('\tended\t');
    expect((await runTass(['cover', 'end', id, '--db', db])).stdout).toContain('had already ended');
  });

  it.each<[string, string[], RegExp]>([
    ['an unknown officer', ['--officer', 'nobody@lancashire.gov.uk'], /no officer has the email nobody@lancashire.gov.uk/],
    ['an unknown locality', ['--locality', 'Atlantis'], /no locality called "Atlantis"; localities: Central Lancs, Preston/],
    ['a date that is not a date', ['--from', '10/03/2025'], /--from must be a date written as YYYY-MM-DD/],
    ['an end before the start', ['--from', '2025-03-21', '--to', '2025-03-10'], /the cover ends before it starts/],
    ['a manager as the cover officer', ['--officer', 'Mary Holt'], /the cover officer must be an Education Partnership Officer/],
    ['an absent officer of another locality', ['--absent', 'Peter Hale', '--officer', 'Alison Walsh'], /the absent officer is not an EPO of that locality/],
  ])('refuses %s with one clear message', async (_what, change, message) => {
    const base: Record<string, string> = { '--locality': 'Central Lancs', '--officer': 'Peter Hale', '--from': '2025-03-10', '--to': '2025-03-21' };
    for (let index = 0; index < change.length; index += 2) base[change[index]] = change[index + 1];
    const run = await runTass(['cover', 'set', '--db', db, ...Object.entries(base).flat()]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('removes a cover that has not started and says so for an unknown id', async () => {
    const set = await runTass(['cover', 'set', '--db', db, '--locality', 'preston', '--officer', 'Alison Walsh', '--from', addDays(today, 5), '--to', addDays(today, 9)]);
    expect(set.code).toBe(0);
    const id = set.stdout.split('\t')[0];
    const end = await runTass(['cover', 'end', id, '--db', db]);
    expect(end.stdout).toBe(`${id} removed (it had not started)\n`);
    expect((await coversInStore()).map((cover) => cover.id)).not.toContain(id);
    const unknown = await runTass(['cover', 'end', 'cover-nope', '--db', db]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('tass: There is no cover with id cover-nope\n');
  });
});

function longDate(date: string): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
