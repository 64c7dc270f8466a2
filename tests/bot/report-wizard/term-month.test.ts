/**
 * The month a report submitted through the wizard names comes from the council's calendar: with
 * its Autumn reports due in December, Claire's Autumn 2025 report compiles as "Autumn – December
 * 2025" (not the usual October). Under the default calendar nothing changes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import { escapeCardText } from '../../../src/cards/escape-card-text';
import { loadCalendar } from '../../../src/config/calendar-file';
import { compileLocalityReportFile } from '../../../src/reports/compile-report-file';
import { cardText } from '../../support/bot-harness';
import { openReportCard, press, SPRING, startWizardWorld, writePriority, type ShownCard, type WizardWorld } from '../../support/wizard-world';

const TEXTS = {
  priority: 'School avoidance: support for schools working with anxious children',
  intendedOutcomes: 'To map the mental health offer',
  activityLastPeriod: 'Panel met on 14 October with 8 high schools',
  plannedActivityNextPeriod: 'Second panel meeting in February',
  impactSoFar: '8 high schools now refer through the panel',
  exitStrategy: 'The LCC Attendance Team will run the panel from September',
};
const AUTUMN_2025 = '2025-26-autumn';

/** Claire writes the one priority (marking last term's planned items, if any) and submits. */
async function submitWholeReport(world: WizardWorld, carryForward: Record<string, string> = {}): Promise<ShownCard> {
  const titleCard = await press(world, world.claire, await openReportCard(world, world.claire), 'tass.priority.continue');
  const written = await writePriority(world, world.claire, titleCard, TEXTS, carryForward);
  const review = await press(world, world.claire, written, 'tass.report.review');
  return press(world, world.claire, review, 'tass.report.submit');
}

describe('the month of a report submitted through the wizard', () => {
  let dir: string;
  let world: WizardWorld | undefined;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'tass-calendar-'));
  });
  afterEach(async () => {
    await world?.close();
    world = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('follows a calendar whose Autumn reports are due in December: the document says "Autumn – December 2025"', async () => {
    const calendarFile = path.join(dir, 'calendar.json');
    writeFileSync(calendarFile, JSON.stringify({ terms: [{ term: 'Autumn 2025', due: '2025-12-05' }] }));
    world = await startWizardWorld({ calendar: loadCalendar(calendarFile) });
    world.bot.setNow('2025-11-24T09:00:00Z');

    const submitted = await submitWholeReport(world);
    expect(cardText(submitted.card)).toContain(escapeCardText('Autumn – December 2025'));
    await expect(world.bot.store.getLocalityReport('central-lancs', AUTUMN_2025)).resolves.toMatchObject({ status: 'submitted', termMonth: 12 });

    const docx = await compileLocalityReportFile(world.bot.store, 'central-lancs', AUTUMN_2025, 'docx');
    const words = (await mammoth.extractRawText({ buffer: docx.content as Buffer })).value;
    expect(words).toContain('Autumn – December 2025');
    expect(words).not.toContain('October 2025');
  });

  it('keeps the usual month, and stores none, under the default calendar', async () => {
    world = await startWizardWorld();
    const submitted = await submitWholeReport(world, { carryOutcome_0: 'done', carryOutcome_1: 'done', carryOutcome_2: 'done' });
    expect(cardText(submitted.card)).toContain(escapeCardText('Spring – March 2025'));
    const report = await world.bot.store.getLocalityReport('central-lancs', SPRING);
    expect(report?.status).toBe('submitted');
    expect(report && 'termMonth' in report).toBe(false);
    const text = await compileLocalityReportFile(world.bot.store, 'central-lancs', SPRING, 'text');
    expect(text.content).toContain('Spring – March 2025');
  });
});
