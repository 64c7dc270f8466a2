import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Document, HeadingLevel, LevelFormat, Packer, Paragraph } from 'docx';
import { ImportProblemsError, importReportFile } from '../../src/import/import-report-file';
import { ImportPlanError } from '../../src/import/plan-import';
import { ImportFileError, MAX_IMPORT_BYTES } from '../../src/import/read-report-file';
import { compileAllReports } from '../../src/reports/compile-all-reports';
import { compileLocalityReportFile } from '../../src/reports/compile-report-file';
import { renderText } from '../../src/reports/render-text';
import { SqliteReportStore } from '../../src/store/sqlite/sqlite-store';
import type { ReportStore } from '../../src/store/report-store';
import { SEEDS_DIR } from '../support/report-round-trip';

const NOW = new Date('2025-01-10T09:00:00Z');
const SEED_CENTRAL = path.join(SEEDS_DIR, '001_b7bc335322723d65.txt');

function report(locality: string, term: string, titles: string[], extra: string[] = []): string {
  return [
    locality,
    'Education Partnership Officer',
    'Alison Walsh',
    'Period',
    term,
    ...titles.flatMap((title) => ['Priority', title, 'Intended Outcomes', `- Outcome for ${title} in ${term}.`, 'Exit Strategy', 'Handed to the locality group.']),
    ...extra,
  ].join('\n');
}

describe('importReportFile', () => {
  let dir: string;
  let store: ReportStore;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'tass-import-'));
    store = SqliteReportStore.open(path.join(dir, 'tass.db'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function file(name: string, content: string | Buffer): string {
    const target = path.join(dir, name);
    writeFileSync(target, content);
    return target;
  }

  async function storedCounts(): Promise<{ localities: number; officers: number; reports: number; updates: number }> {
    return {
      localities: (await store.listLocalities()).length,
      officers: (await store.listOfficers()).length,
      reports: (await store.listLocalityReports()).length,
      updates: (await store.listPriorityUpdates({})).length,
    };
  }

  it('stores a report as submitted and approved, with new officers as EPOs without email', async () => {
    await importReportFile(store, SEED_CENTRAL, { now: NOW });
    const [central] = await store.listLocalities();
    expect(central.name).toBe('Central');
    const officers = await store.listOfficers();
    expect(officers.map((officer) => [officer.name, officer.email, officer.roles, officer.localityIds])).toEqual([
      ['Alison Walsh', '', ['epo'], [central.id]],
      ['Claire Fox', '', ['epo'], [central.id]],
    ]);
    const stored = await store.getLocalityReport(central.id, '2024-25-autumn');
    expect(stored).toMatchObject({ status: 'submitted', approval: 'approved', submittedAt: NOW.toISOString() });
    expect(stored?.officerIds.map((id) => officers.find((officer) => officer.id === id)?.name)).toEqual(['Claire Fox', 'Alison Walsh']);
    const priorities = await store.listPriorities(central.id);
    expect(priorities.map((priority) => [priority.status, priority.openedTerm, priority.order])).toEqual([
      ['active', '2024-25-autumn', 1],
      ['active', '2024-25-autumn', 2],
    ]);
    const updates = await store.listPriorityUpdates({ localityId: central.id, term: '2024-25-autumn' });
    expect(updates).toHaveLength(2);
    expect(updates[0].activityLastPeriod.kind).toBe('items');
    expect(updates[0].sectionsDone).toHaveLength(6);
    // A submitted report is what partners read: the import publishes it as imported.
    const published = await store.listPublishedUpdates({ localityId: central.id, term: '2024-25-autumn' });
    expect(published.map((update) => update.title)).toEqual(updates.map((update) => update.title));
    expect(published[0].activityLastPeriod).toEqual(updates[0].activityLastPeriod);
  });

  it('is idempotent: the same file twice stores the same priorities and updates once', async () => {
    await importReportFile(store, SEED_CENTRAL, { now: NOW });
    const before = await storedCounts();
    const firstCompile = await compileAllReports(store);
    await importReportFile(store, SEED_CENTRAL, { now: NOW });
    expect(await storedCounts()).toEqual(before);
    expect(renderText(await compileAllReports(store))).toBe(renderText(firstCompile));
  });

  it('matches officers by name regardless of case and keeps their details', async () => {
    await store.upsertLocality({ id: 'central', name: 'CENTRAL', order: 1 });
    await store.upsertOfficer({ id: 'claire', name: 'claire fox', email: 'claire.fox@example.org', roles: ['epo', 'manager'], localityIds: ['central'] });
    await importReportFile(store, SEED_CENTRAL, { now: NOW });
    expect(await store.listLocalities()).toHaveLength(1);
    const claire = await store.getOfficer('claire');
    expect(claire).toMatchObject({ email: 'claire.fox@example.org', roles: ['epo', 'manager'] });
    expect((await store.getLocalityReport('central', '2024-25-autumn'))?.officerIds[0]).toBe('claire');
  });

  it('matches a priority across terms by locality and normalised title, and keeps the newest wording', async () => {
    await importReportFile(store, file('spring.txt', report('Preston', 'Spring - March 2025', ['Post 16 pathways'])), { now: NOW });
    await importReportFile(store, file('autumn.txt', report('Preston', 'Autumn - October 2024', ['POST 16 PATHWAYS.'])), { now: NOW });
    const [preston] = await store.listLocalities();
    const priorities = await store.listPriorities(preston.id);
    expect(priorities).toHaveLength(1);
    expect(priorities[0]).toMatchObject({ title: 'Post 16 pathways', openedTerm: '2024-25-autumn' });
    expect((await store.listPriorityUpdates({ localityId: preston.id })).map((update) => update.term).sort()).toEqual(['2024-25-autumn', '2024-25-spring']);
  });

  it('stores several reports from one file', async () => {
    const text = `${report('Preston', 'Autumn 2024', ['A'])}\n\n${report('West Lancashire', 'Autumn 2024', ['B', 'C'])}`;
    await importReportFile(store, file('two.txt', text), { now: NOW });
    expect(await storedCounts()).toEqual({ localities: 2, officers: 1, reports: 2, updates: 3 });
  });

  it('a dry run plans everything and stores nothing', async () => {
    const result = await importReportFile(store, SEED_CENTRAL, { now: NOW, dryRun: true });
    expect(result.stored).toBe(false);
    expect(result.plan?.reports[0].priorities).toHaveLength(2);
    expect(await storedCounts()).toEqual({ localities: 0, officers: 0, reports: 0, updates: 0 });
  });

  it.each<[string, () => string, RegExp]>([
    ['an empty file', () => path.join('empty.txt'), /is empty/],
    ['a file of white space', () => 'blank.txt', /has no text/],
    ['a binary file', () => 'binary.txt', /binary/],
    ['a file over 5 MB', () => 'huge.txt', /too large/],
    ['a damaged .docx', () => 'broken.docx', /not a readable Word/],
    ['an old .doc', () => 'old.doc', /old Word \.doc/],
    ['a missing file', () => 'missing.txt', /cannot be read/],
  ])('refuses %s and stores nothing', async (_name, nameOf, reason) => {
    file('empty.txt', '');
    file('blank.txt', ' \n\u00a0\n\ufeff\n');
    file('binary.txt', Buffer.from([0x50, 0x72, 0x00, 0x01, 0xff, 0x00]));
    file('huge.txt', `${readFileSync(SEED_CENTRAL, 'utf8')}\n${'x'.repeat(MAX_IMPORT_BYTES)}`);
    file('broken.docx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]));
    file('old.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    await expect(importReportFile(store, path.join(dir, nameOf()), { now: NOW })).rejects.toThrow(ImportFileError);
    await expect(importReportFile(store, path.join(dir, nameOf()), { now: NOW })).rejects.toThrow(reason);
    expect(await storedCounts()).toEqual({ localities: 0, officers: 0, reports: 0, updates: 0 });
  });

  it('refuses a file with lines it cannot place, naming them, unless told to accept them', async () => {
    const text = `Page 1 of 2\n${report('Preston', 'Autumn 2024', ['A'])}`;
    const target = file('stray.txt', text);
    const failure = importReportFile(store, target, { now: NOW });
    await expect(failure).rejects.toThrow(ImportProblemsError);
    await expect(failure).rejects.toMatchObject({ problems: [expect.objectContaining({ line: 1, text: 'Page 1 of 2' })] });
    expect((await storedCounts()).reports).toBe(0);
    const accepted = await importReportFile(store, target, { now: NOW, acceptProblems: true });
    expect(accepted.stored).toBe(true);
    expect(accepted.problems).toHaveLength(1);
  });

  it('refuses a report without a locality even when problems are accepted', async () => {
    const text = report('', 'Autumn 2024', ['A']).replace(/^\n/, '');
    await expect(importReportFile(store, file('nolocality.txt', text), { now: NOW, acceptProblems: true })).rejects.toThrow(ImportPlanError);
    expect((await storedCounts()).localities).toBe(0);
  });

  it.each<[string, (text: string) => Buffer]>([
    ['UTF-16 with a byte order mark (Notepad "Unicode")', (text) => Buffer.from(`\ufeff${text}`, 'utf16le')],
    [
      'Windows-1252 (older Word "Plain text")',
      (text) => {
        const cp1252: Record<string, number> = { '\u00a0': 0xa0, '\u2013': 0x96, '\u2022': 0x95, '\u2019': 0x92 };
        return Buffer.from([...text].map((character) => cp1252[character] ?? character.charCodeAt(0)));
      },
    ],
  ])('reads text saved as %s', async (_name, encode) => {
    const text = ['Preston\u00a0', 'Education Partnership Officer', 'Alison Walsh', 'Period', 'Autumn \u2013 October 2024', 'Priority', 'Pupils\u2019 attendance', 'Intended Outcomes', '\u2022 Fewer absences.'].join('\r\n');
    await importReportFile(store, file('encoded.txt', encode(text)), { now: NOW });
    const [preston] = await store.listLocalities();
    expect(preston.name).toBe('Preston');
    const [update] = await store.listPriorityUpdates({ localityId: preston.id, term: '2024-25-autumn' });
    expect(update.title).toBe('Pupils\u2019 attendance');
    expect(update.intendedOutcomes).toEqual({ kind: 'items', items: ['Fewer absences.'] });
  });

  it('reads .docx reports: Word list numbering becomes items', async () => {
    const word = new Document({
      numbering: { config: [{ reference: 'b', levels: [{ level: 0, format: LevelFormat.BULLET, text: '\u2022' }] }] },
      sections: [
        {
          children: [
            new Paragraph({ text: 'Preston', heading: HeadingLevel.HEADING_1 }),
            new Paragraph('Education Partnership Officers'),
            new Paragraph('Claire Fox & Alison Walsh'),
            new Paragraph('Period\u00a0'),
            new Paragraph('Spring – March 2025'),
            new Paragraph({ text: 'Priority', heading: HeadingLevel.HEADING_2 }),
            new Paragraph('School avoidance across Preston'),
            new Paragraph({ text: 'Intended Outcomes', heading: HeadingLevel.HEADING_3 }),
            new Paragraph({ text: 'Link schools to partners.', numbering: { reference: 'b', level: 0 } }),
            new Paragraph({ text: 'Develop a pathways document.', numbering: { reference: 'b', level: 0 } }),
            new Paragraph({ text: 'Impact So Far', heading: HeadingLevel.HEADING_3 }),
            new Paragraph('Initial meeting held and themes identified.'),
          ],
        },
      ],
    });
    await importReportFile(store, file('preston.docx', await Packer.toBuffer(word)), { now: NOW });
    const [preston] = await store.listLocalities();
    const [update] = await store.listPriorityUpdates({ localityId: preston.id, term: '2024-25-spring' });
    expect(update.title).toBe('School avoidance across Preston');
    expect(update.intendedOutcomes).toEqual({ kind: 'items', items: ['Link schools to partners.', 'Develop a pathways document.'] });
    expect(update.impactSoFar).toEqual({ kind: 'prose', paragraphs: ['Initial meeting held and themes identified.'] });
    expect((await store.listOfficers()).map((officer) => officer.name)).toEqual(['Alison Walsh', 'Claire Fox']);
  });

  it('reads back its own compiled .docx into the same report', async () => {
    await importReportFile(store, SEED_CENTRAL, { now: NOW });
    const [central] = await store.listLocalities();
    const docx = await compileLocalityReportFile(store, central.id, '2024-25-autumn', 'docx');
    const text = await compileLocalityReportFile(store, central.id, '2024-25-autumn', 'text');
    const other = SqliteReportStore.open(path.join(dir, 'other.db'));
    try {
      await importReportFile(other, file(docx.fileName, docx.content), { now: NOW });
      const [again] = await other.listLocalities();
      expect((await compileLocalityReportFile(other, again.id, '2024-25-autumn', 'text')).content).toBe(text.content);
    } finally {
      await other.close();
    }
  });
});
