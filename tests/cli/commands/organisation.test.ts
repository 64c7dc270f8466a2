/** `tass locality` and `tass officer` run as child processes against a real SQLite file. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { loadConfig } from '../../../src/config/config';
import type { Officer } from '../../../src/domain/model';
import { openStore } from '../../../src/store/open-store';
import type { ReportStore } from '../../../src/store/report-store';
import { aConversationLink, aCover, aDelivery, anEvent, anUpdate, aPersonalDataConfirmation, aPriority, aReport } from '../../support/builders';
import { runTass } from '../../support/run-tass-cli';

jest.setTimeout(180_000);

describe('tass locality and tass officer', () => {
  let dir: string;
  let db: string;
  const tass = (...args: string[]) => runTass([...args, '--db', db]);

  async function withStore<T>(work: (store: ReportStore) => Promise<T>): Promise<T> {
    const store = await openStore(loadConfig({ TASS_DB: db, TASS_DATA_DIR: dir }));
    try {
      return await work(store);
    } finally {
      await store.close();
    }
  }

  const officerByEmail = (email: string) => withStore((store) => store.findOfficerByEmail(email));

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'tass-cli-organisation-'));
    db = path.join(dir, 'tass.db');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adds, lists and renames localities, refusing a duplicate name', async () => {
    expect(await tass('locality', 'add', 'Central Lancs', '--order', '2')).toEqual({ code: 0, stdout: 'central-lancs\t2\tCentral Lancs\n', stderr: '' });
    expect((await tass('locality', 'add', 'Prestn', '--order', '3')).stdout).toBe('prestn\t3\tPrestn\n');
    expect((await tass('locality', 'add', 'West Lancashire')).stdout).toBe('west-lancashire\t4\tWest Lancashire\n');
    expect(await tass('locality', 'add', ' central\u00a0LANCS ')).toEqual({ code: 1, stdout: '', stderr: 'tass: there is already a locality called "Central Lancs"\n' });
    expect((await tass('locality', 'rename', 'prestn', 'Preston')).stdout).toBe('prestn\t3\tPreston\n');
    expect((await tass('locality', 'rename', 'Nowhere', 'Preston')).stderr).toBe('tass: there is no locality called "Nowhere"\n');
    expect((await tass('locality', 'list')).stdout).toBe('central-lancs\t2\tCentral Lancs\nprestn\t3\tPreston\nwest-lancashire\t4\tWest Lancashire\n');
  });

  it('adds officers, refusing every broken rule at once and storing nothing', async () => {
    const alison = await tass('officer', 'add', '--name', 'Alison Walsh', '--email', 'alison.walsh@lancashire.gov.uk', '--role', 'epo', '--locality', 'central lancs');
    expect(alison).toEqual({ code: 0, stdout: 'added alison.walsh@lancashire.gov.uk\tAlison Walsh\tepo\tCentral Lancs\n', stderr: '' });
    await tass('officer', 'add', '--name', 'Claire Fox', '--email', 'claire.fox@lancashire.gov.uk', '--role', 'epo', '--locality', 'Central Lancs', '--locality', 'Preston');
    const bad = await tass('officer', 'add', '--name', 'Peter Hale', '--email', 'ALISON.WALSH@lancashire.gov.uk', '--role', 'manager', '--locality', 'Wyre');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('tass: there is no locality called "Wyre"; another officer already has the email ALISON.WALSH@lancashire.gov.uk\n');
    expect((await withStore((store) => store.listOfficers())).map((o) => o.name)).toEqual(['Alison Walsh', 'Claire Fox']);
  });

  it('updates an officer\'s roles and localities, refusing a change that breaks a rule', async () => {
    const moved = await tass('officer', 'update', 'claire.fox@LANCASHIRE.gov.uk', '--remove-locality', 'central lancs', '--add-role', 'manager');
    expect(moved.stdout).toBe('updated claire.fox@lancashire.gov.uk\tClaire Fox\tepo,manager\tPreston\n');
    const refused = await tass('officer', 'update', 'claire.fox@lancashire.gov.uk', '--remove-locality', 'Preston');
    expect(refused.stderr).toBe('tass: an EPO must serve at least one locality; a manager must manage at least one locality\n');
    expect((await officerByEmail('claire.fox@lancashire.gov.uk'))?.localityIds).toEqual(['prestn']);
    expect((await tass('officer', 'update', 'nobody@lancashire.gov.uk', '--name', 'X Y')).stderr).toBe('tass: no officer has the email nobody@lancashire.gov.uk\n');
  });

  it('imports nothing from a CSV with a bad row, naming each problem by line', async () => {
    const file = path.join(dir, 'bad.csv');
    writeFileSync(file, 'name,email,roles,localities\n"Hale, Peter",peter.hale@lancashire.gov.uk,epo,Preston\nMary Holt,mary.holt,manager;boss,Wyre\nPete Two,Peter.Hale@lancashire.gov.uk,partner,\n');
    const run = await tass('officer', 'import-csv', file);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `tass: nothing was imported from ${file}:\n` +
        '  line 3: there is no locality called "Wyre"\n' +
        '  line 3: "mary.holt" is not an email address\n' +
        '  line 3: "boss" is not a role (roles: epo, manager, partner, admin)\n' +
        '  line 4: another officer already has the email Peter.Hale@lancashire.gov.uk\n',
    );
    await expect(officerByEmail('peter.hale@lancashire.gov.uk')).resolves.toBeUndefined();
  });

  it('imports a good CSV, after a dry run that stores nothing', async () => {
    const file = path.join(dir, 'good.csv');
    writeFileSync(file, '\uFEFFname,email,roles,localities\n"Hale, Peter",peter.hale@lancashire.gov.uk,epo,Preston\nMary Holt,mary.holt@lancashire.gov.uk,manager; admin,Central Lancs;West Lancashire\n');
    const dry = await tass('officer', 'import-csv', file, '--dry-run');
    expect(dry.stdout).toContain('2 officer(s) would be added (dry run: nothing stored)');
    await expect(officerByEmail('peter.hale@lancashire.gov.uk')).resolves.toBeUndefined();
    const run = await tass('officer', 'import-csv', file);
    expect(run.stdout).toBe(
      'added peter.hale@lancashire.gov.uk\tHale, Peter\tepo\tPreston\n' +
        'added mary.holt@lancashire.gov.uk\tMary Holt\tmanager,admin\tCentral Lancs; West Lancashire\n' +
        '2 officer(s) added\n',
    );
    expect((await tass('officer', 'list', '--locality', 'preston', '--role', 'epo')).stdout).toBe(
      'claire.fox@lancashire.gov.uk\tClaire Fox\tepo,manager\tPreston\npeter.hale@lancashire.gov.uk\tHale, Peter\tepo\tPreston\n',
    );
    const json = JSON.parse((await tass('officer', 'list', '--json')).stdout) as Officer[];
    expect(json.map((o) => o.email)).toEqual(['alison.walsh@lancashire.gov.uk', 'claire.fox@lancashire.gov.uk', 'peter.hale@lancashire.gov.uk', 'mary.holt@lancashire.gov.uk']);
  });

  describe('data subject requests', () => {
    let alison: Officer;
    let claire: Officer;
    let mary: Officer;

    beforeAll(async () => {
      [alison, claire, mary] = (await Promise.all(['alison.walsh', 'claire.fox', 'mary.holt'].map((n) => officerByEmail(`${n}@lancashire.gov.uk`)))) as Officer[];
      await withStore(async (store) => {
        await store.savePriority(aPriority(), 0);
        const update = anUpdate({ updatedBy: alison.id, personalDataConfirmations: { impactSoFar: aPersonalDataConfirmation({ confirmedBy: alison.id }) } });
        await store.saveReportWithUpdates(aReport({ officerIds: [claire.id, alison.id], submittedBy: alison.id }), 0, [{ update, expectedVersion: 0 }]);
        await store.appendReportEvent(anEvent({ by: alison.id }));
        await store.appendReportEvent(anEvent({ by: mary.id, kind: 'returned', comment: 'Please add the figures' }));
        await store.saveConversationLink(aConversationLink({ officerId: alison.id }));
        await store.recordDelivery(aDelivery({ officerId: alison.id }));
        await store.recordDelivery(aDelivery({ officerId: claire.id }));
        await store.saveCover(aCover({ id: 'cover-by-alison', coverOfficerId: claire.id, absentOfficerId: undefined, assignedBy: alison.id }));
        await store.saveCover(aCover({ id: 'cover-of-alison', coverOfficerId: claire.id, absentOfficerId: alison.id, assignedBy: mary.id }));
      });
    });

    it('exports everything stored about an officer, referencing the reports rather than copying them', async () => {
      const out = path.join(dir, 'alison.json');
      expect((await tass('officer', 'export', 'Alison.Walsh@lancashire.gov.uk', '--out', out)).stdout).toBe(`wrote ${out}\n`);
      const exported = JSON.parse(readFileSync(out, 'utf8'));
      expect(exported).toMatchObject({
        officer: alison,
        conversationLink: aConversationLink({ officerId: alison.id }),
        deliveries: [aDelivery({ officerId: alison.id })],
        reportEvents: [anEvent({ by: alison.id })],
        prioritiesLastSaved: [{ localityId: 'central-lancs', term: '2024-25-autumn', priorityId: aPriority().id, confirmedPersonalData: true }],
        reports: [{ localityId: 'central-lancs', term: '2024-25-autumn', submitted: true, author: true }],
      });
      expect(exported.covers.map((c: { id: string }) => c.id).sort()).toEqual(['cover-by-alison', 'cover-of-alison']);
      expect(JSON.stringify(exported)).not.toContain('Barnardo');
    });

    it('without --yes only says what it would do', async () => {
      const run = await tass('officer', 'remove', 'alison.walsh@lancashire.gov.uk');
      expect(run.stdout).toContain('delete 1 campaign message record(s)');
      expect(run.stdout).toContain('delete 1 cover(s) they gave or were absent for, and mark 1 cover(s)');
      expect(run.stdout).toContain('in 1 report history event(s), 1 priority update(s) and 1 locality report(s)');
      expect(run.stdout).toContain('Nothing changed');
      await expect(officerByEmail('alison.walsh@lancashire.gov.uk')).resolves.toEqual(alison);
    });

    it('with --yes erases the officer, keeping the reports, which still compile without them', async () => {
      expect((await tass('officer', 'remove', 'alison.walsh@lancashire.gov.uk', '--yes')).code).toBe(0);
      await withStore(async (store) => {
        await expect(store.getOfficer(alison.id)).resolves.toBeUndefined();
        await expect(store.getConversationLink(alison.id)).resolves.toBeUndefined();
        expect(await store.listDeliveriesTo(claire.id)).toHaveLength(1);
        expect(await store.listCovers()).toEqual([aCover({ id: 'cover-by-alison', coverOfficerId: claire.id, absentOfficerId: undefined, assignedBy: 'former-officer' })]);
        expect(await store.getLocalityReport('central-lancs', '2024-25-autumn')).toMatchObject({ officerIds: [claire.id, 'former-officer'], submittedBy: 'former-officer', status: 'submitted' });
        const update = await store.getPriorityUpdate(aPriority().id, '2024-25-autumn');
        expect(update).toMatchObject({ updatedBy: 'former-officer', activityLastPeriod: anUpdate().activityLastPeriod });
        expect(update?.personalDataConfirmations?.impactSoFar?.confirmedBy).toBe('former-officer');
        expect((await store.listReportEvents('central-lancs', '2024-25-autumn')).map((e) => e.by)).toEqual(['former-officer', mary.id]);
      });

      // Nothing in any table names her, or carries her id, email or Entra id.
      const raw = new Database(db, { readonly: true });
      const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>;
      const everything = JSON.stringify(tables.map(({ name }) => raw.prepare(`SELECT * FROM "${name}"`).all()));
      raw.close();
      for (const trace of [alison.id, alison.name, alison.email, '3f2b8c1e-5d4a-4e6f-9a7b-2c1d0e9f8a71']) expect(everything).not.toContain(trace);

      const compiled = await tass('compile', '--term', 'Autumn 2024', '--locality', 'Central Lancs', '--format', 'text');
      expect(compiled.code).toBe(0);
      expect(compiled.stdout).toContain('School Avoidance');
      expect(compiled.stdout).toContain("Meeting with Barnardo's took place");
      expect(compiled.stdout).not.toContain('Alison');
      expect(compiled.stdout).not.toContain('former-officer');
      expect((await tass('officer', 'export', alison.email)).stderr).toBe(`tass: no officer has the email ${alison.email}\n`);
    });
  });

  it.each([['locality', 'add'], ['locality', 'list'], ['locality', 'rename'], ['officer', 'add'], ['officer', 'list'], ['officer', 'update'], ['officer', 'import-csv'], ['officer', 'export'], ['officer', 'remove']])(
    'tass %s %s --help has an example',
    async (group, command) => {
      const run = await runTass([group, command, '--help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`Example[^\\n]*:\\n[\\s\\S]*tass ${group} ${command}`));
    },
  );
});
