/**
 * Carry-forward marks in a compiled report: last term's planned items printed under Activity
 * last period as "item (partly done)" come back from `tass import` as marks, not as activity
 * text; real text that merely ends in brackets stays text.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CarryForwardMark, SectionText } from '../../src/domain/model';
import { importReportFile } from '../../src/import/import-report-file';
import { parseReportText } from '../../src/import/parse-report-text';
import { compileLocalityReportFile } from '../../src/reports/compile-report-file';
import type { ReportFormat } from '../../src/reports/report-document';
import { SqliteReportStore } from '../../src/store/sqlite/sqlite-store';
import type { ReportStore } from '../../src/store/report-store';
import { aLocality, anOfficer, anUpdate, aPriority, aReport, items, prose, SAMPLE_TERM } from '../support/builders';

const NOW = new Date('2025-01-10T09:00:00Z');
const MARKS: readonly CarryForwardMark[] = [
  { item: 'Invitation extended to all Chorley and South Ribble secondary schools', outcome: 'done' },
  { item: 'Meeting with Lancashire Mind (postponed from July)', outcome: 'partly done' },
  { item: 'Survey of SENCOs.', outcome: 'not done' },
  { item: 'Meeting with Barnardo\'s', outcome: 'carried forward' },
];

const HEADER = ['Central Lancs', 'Education Partnership Officer', 'Alison Walsh', 'Period', 'Autumn – October 2024', 'Priority', 'School avoidance', 'Intended Outcomes', 'Schools know the offer.'];
const FOOTER = ['Planned activity next period', '• Second panel in May.', 'Impact so far', '8 schools attended.', 'Exit Strategy', 'The Attendance Team leads.'];

function parseActivity(activity: readonly string[]): { text: SectionText; marks: readonly CarryForwardMark[] } {
  const result = parseReportText([...HEADER, 'Activity last period', ...activity, ...FOOTER].join('\n'));
  expect(result.problems).toEqual([]);
  const [priority] = result.reports[0].priorities;
  return { text: priority.sections.activityLastPeriod, marks: priority.carryForward };
}

describe('carry-forward marks in a compiled report', () => {
  let dir: string;
  let store: ReportStore;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tass-marks-'));
    store = SqliteReportStore.open(path.join(dir, 'tass.db'));
    await store.upsertLocality(aLocality());
    await store.upsertOfficer(anOfficer());
    await store.savePriority(aPriority(), 0);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function compiledText(activity: SectionText): Promise<string> {
    await store.savePriorityUpdate(anUpdate({ activityLastPeriod: activity, carryForward: MARKS }), 0);
    await store.saveLocalityReport(aReport({ term: SAMPLE_TERM }), 0);
    return String((await compileLocalityReportFile(store, 'central-lancs', SAMPLE_TERM, 'text')).content);
  }

  it('prints each planned item after the activity, with its outcome in brackets', async () => {
    const text = await compiledText(prose('Panel pilot held with 8 high schools.'));
    expect(text).toContain(
      [
        'Activity last period',
        '',
        'Panel pilot held with 8 high schools.',
        '',
        '  • Invitation extended to all Chorley and South Ribble secondary schools (done)',
        '  • Meeting with Lancashire Mind (postponed from July) (partly done)',
        '  • Survey of SENCOs. (not done)',
        '  • Meeting with Barnardo\'s (carried forward)',
        '',
        'Planned activity next period',
      ].join('\n'),
    );
  });

  it('continues the author\'s own list when the activity is a list', async () => {
    const text = await compiledText(items('Panel pilot held.', 'Mapping completed.'));
    expect(text).toContain('  • Panel pilot held.\n  • Mapping completed.\n  • Invitation extended to all Chorley and South Ribble secondary schools (done)\n');
  });

  it.each<[string, SectionText, ReportFormat]>([
    ['prose activity, as text', prose('Panel pilot held with 8 high schools.', 'Mapping completed in October.'), 'text'],
    ['a list of activity, as text', items('Panel pilot held.', 'Mapping completed (see the appendix)'), 'text'],
    ['prose activity, as Word', prose('Panel pilot held with 8 high schools.'), 'docx'],
    ['a list of activity, as Word', items('Panel pilot held.', 'Mapping completed.'), 'docx'],
    ['no activity written, as Word', prose(), 'docx'],
  ])('imports back into the same activity and marks: %s', async (_case, activity, format) => {
    await compiledText(activity);
    const compiled = await compileLocalityReportFile(store, 'central-lancs', SAMPLE_TERM, format);
    const file = path.join(dir, compiled.fileName);
    writeFileSync(file, compiled.content);
    const other = SqliteReportStore.open(path.join(dir, 'other.db'));
    try {
      await importReportFile(other, file, { now: NOW });
      const [update] = await other.listPriorityUpdates({ term: SAMPLE_TERM });
      expect(update.activityLastPeriod).toEqual(activity);
      expect(update.carryForward).toEqual(MARKS);
      // And it compiles to the same text again.
      const [locality] = await other.listLocalities();
      const again = await compileLocalityReportFile(other, locality.id, SAMPLE_TERM, 'text');
      expect(again.content).toBe((await compileLocalityReportFile(store, 'central-lancs', SAMPLE_TERM, 'text')).content);
    } finally {
      await other.close();
    }
  });
});

describe('reading marks back when importing', () => {
  it('takes the trailing items that end in an outcome as marks and leaves the activity as written', () => {
    const { text, marks } = parseActivity(['Network meeting held in May.', '• Police rep to attend the next meeting. (partly done)', '• Dates for next year set (done)']);
    expect(text).toEqual(prose('Network meeting held in May.'));
    expect(marks).toEqual([
      { item: 'Police rep to attend the next meeting.', outcome: 'partly done' },
      { item: 'Dates for next year set', outcome: 'done' },
    ]);
  });

  it.each<[string, string[], SectionText]>([
    ['a paragraph ending "(done)"', ['Audit of attendance data (done)'], prose('Audit of attendance data (done)')],
    ['other words in brackets', ['• Panel held (see notes)', '• Leaflet shared (done!)', '• Survey sent (Done)'], items('Panel held (see notes)', 'Leaflet shared (done!)', 'Survey sent (Done)')],
    ['a phrase not at the end', ['• Survey (not done) to be repeated'], items('Survey (not done) to be repeated')],
    ['a bracket with nothing before it', ['• (carried forward)'], items('(carried forward)')],
    ['an outcome item before the author\'s last item', ['• Leaflet shared (done)', '• Panel held in May.'], items('Leaflet shared (done)', 'Panel held in May.')],
  ])('keeps %s as activity text', (_case, activity, expected) => {
    const { text, marks } = parseActivity(activity);
    expect(marks).toEqual([]);
    expect(text).toEqual(expected);
  });

  it('reads outcome phrases only under Activity last period', () => {
    const result = parseReportText([...HEADER.slice(0, -1), '• Schools know the offer. (done)', 'Activity last period', 'Panel held.', ...FOOTER].join('\n'));
    const [priority] = result.reports[0].priorities;
    expect(priority.sections.intendedOutcomes).toEqual(items('Schools know the offer. (done)'));
    expect(priority.carryForward).toEqual([]);
  });
});
