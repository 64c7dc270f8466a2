/**
 * A term's report end to end, through `tass start` and the Microsoft 365 Agents Playground in
 * headless Chromium, as the people who use it:
 *
 *   1. the sample EPO Claire Fox types `start` and gets this term's report cards (West Lancashire,
 *      and Central Lancs which she shares with Alison Walsh);
 *   2. she works through every section card of West Lancashire's first priority, marking how each
 *      of last term's planned items went on the Activity last period card, then its second priority;
 *   3. she adds a new priority and writes it;
 *   4. she reviews the report and submits it, and sees who submitted it;
 *   5. `tass start --as manager` on the same database: the manager Helen Brooks asks for the report
 *      and gets a link to the compiled document, which holds what Claire typed.
 *
 * Each step checks what is on screen, and a screenshot of each goes to tests/e2e/artefacts/
 * (git-ignored); a test that stops early leaves term-report-<role>-failed.png. Once the EPO's run
 * has stopped, the SQLite file is checked against what was typed, and the bot's log for errors and
 * for any of the typed text (which must never be logged).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mammoth from 'mammoth';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { SECTION_NAMES } from '../../src/domain/model';
import { markedItemText } from '../../src/domain/carry-forward-marks';
import { previousTerm, termShortLabel } from '../../src/domain/term';
import { TermCalendar } from '../../src/domain/term-calendar';
import { sectionOf } from '../../src/bot/report-wizard/report-state';
import { PRIORITY_NAME_CHARS } from '../../src/bot/report-wizard/priority-name';
import { shortenText } from '../../src/cards/escape-card-text';
import type { PlaygroundRole } from '../../src/local-run/playground-config';
import { SAMPLE_OFFICER_IDS } from '../../src/sample/sample-organisation';
import { SqliteReportStore } from '../../src/store/sqlite/sqlite-store';
import { projectRoot } from '../support/report-round-trip';
import { startTassStart, type TassStartRun } from '../support/tass-start-run';
import { PlaygroundPage } from './playground-page';
import { ReportWizardPage } from './report-wizard-page';
import { LOCALITY_ID, LOCALITY_NAME, linesOf, NEET_PATHWAYS, NEW_PRIORITY, SCHOOL_NETWORKS, titleOf, type TypedPriority } from './term-report-script';

const ARTEFACTS = path.join(projectRoot(), 'tests/e2e/artefacts');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** Tall enough for the whole review card: element screenshots are clipped by the chat's scroll area. */
const VIEWPORT = { width: 1400, height: 2400 };
const PRIORITIES: readonly TypedPriority[] = [SCHOOL_NETWORKS, NEET_PATHWAYS, NEW_PRIORITY];

jest.setTimeout(150_000);

/** The term `tass start` opens on today, under the default calendar it runs with. */
const CURRENT = new TermCalendar().currentTerm(new Date());
/** The term the sample organisation's submitted reports are for: "Autumn 2026". */
const PREVIOUS_LABEL = termShortLabel(previousTerm(CURRENT.term));
/** The carry-forward checklist's heading on the Activity last period card. */
const CHECKLIST_HEADING = `Planned for ${PREVIOUS_LABEL}: how did each go?`;
/** Shown beside the Impact so far box of a priority that reported an impact last term. */
const LAST_IMPACT_HEADING = `Impact so far, as reported for ${PREVIOUS_LABEL}`;

/** What the report card says once the last section of a priority is saved. */
function doneNotice(priority: TypedPriority): string {
  return `All six sections of \u201c${shortenText(titleOf(priority), PRIORITY_NAME_CHARS)}\u201d are done.`;
}

/** Screenshots of the card (whole, however tall) and of the playground as the user sees it. */
async function snapshot(playground: PlaygroundPage, card: Locator, name: string): Promise<void> {
  await card.screenshot({ path: path.join(ARTEFACTS, `term-report-${name}-card.png`) });
  await playground.page.screenshot({ path: path.join(ARTEFACTS, `term-report-${name}.png`) });
}

/** Works through the six section cards of one priority, checking each card as it appears. */
async function writePriority(playground: PlaygroundPage, wizard: ReportWizardPage, priority: TypedPriority, label: string): Promise<void> {
  let title = priority.shownTitle ?? 'New priority';
  for (const [index, entry] of priority.sections.entries()) {
    const shown = await wizard.waitForSection(entry.section, title);
    const box = wizard.sectionBox(entry.section);
    if (entry.section === 'priority') expect(await box.inputValue()).toBe(priority.shownTitle ?? '');
    if (entry.section === 'activityLastPeriod') {
      expect(shown.includes(CHECKLIST_HEADING)).toBe(priority.carryForward.length > 0);
      for (const mark of priority.carryForward) expect(shown).toContain(mark.item);
      await wizard.markCarryForward(priority.carryForward);
    }
    if (entry.section === 'impactSoFar') expect(shown.includes(LAST_IMPACT_HEADING)).toBe(priority.priorityId !== undefined);
    await wizard.typeSection(entry);
    expect(await box.inputValue()).toBe(entry.typed);
    await snapshot(playground, wizard.card, `${label}-${index + 1}-${entry.section}`);
    await wizard.saveAndNext(entry.section);
    if (entry.section === 'priority') title = titleOf(priority);
  }
}

/** Every line of every section, in the order the report prints them. */
const TYPED_LINES: readonly string[] = PRIORITIES.flatMap((priority) => priority.sections.flatMap((entry) => linesOf(entry.stored)));

/** Last term's planned items with the outcomes Claire chose, as the review card and the document print them. */
const MARKED_ITEMS: readonly string[] = PRIORITIES.flatMap((priority) => priority.carryForward.map((mark) => markedItemText(mark)));

/** Each of `lines` is in `text`, after the one before it. */
function expectInOrder(text: string, lines: readonly string[]): void {
  let from = 0;
  for (const line of lines) {
    const at = text.indexOf(line, from);
    expect({ line, foundInOrder: at >= 0 }).toEqual({ line, foundInOrder: true });
    from = at + line.length;
  }
}

/**
 * What the bot logged during the runs: JSON lines with no error (pino level 50 and up), and none of
 * the text the EPO typed, since section text must never reach a log.
 */
function expectCleanBotLog(dataDir: string): void {
  const log = fs.readFileSync(path.join(dataDir, 'tass-start.log'), 'utf8');
  const entries = log.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as { level: number; msg?: string });
  expect(entries.length).toBeGreaterThan(0);
  expect(entries.filter((entry) => entry.level >= 50).map((entry) => entry.msg)).toEqual([]);
  expect(TYPED_LINES.filter((line) => log.includes(line))).toEqual([]);
}

/** The compiled document behind a link: a file the bot wrote under the data folder, or one it serves. */
async function fetchDocument(url: string, dataDir: string): Promise<Buffer> {
  if (url.startsWith('file:')) {
    const file = fileURLToPath(url);
    expect(path.relative(dataDir, file).startsWith('..')).toBe(false);
    return fs.readFileSync(file);
  }
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

describe('a term report from the EPO\'s cards to the manager\'s document, in the Agents Playground', () => {
  let browser: Browser;
  let dataDir: string;
  let db: string;
  let run: TassStartRun | undefined;
  let page: Page | undefined;
  let role: PlaygroundRole = 'epo';
  /** Where "Open the compiled report" on Claire's submitted review card goes. */
  let epoDocumentUrl: string | undefined;

  beforeAll(async () => {
    fs.mkdirSync(ARTEFACTS, { recursive: true });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tass-e2e-term-'));
    db = path.join(dataDir, 'tass.db');
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });

  afterEach(async () => {
    // A test that stopped early leaves its page open: keep what it showed, for whoever reads the failure.
    if (page && !page.isClosed()) {
      await page.screenshot({ path: path.join(ARTEFACTS, `term-report-${role}-failed.png`) }).catch(() => undefined);
      await page.close();
    }
    page = undefined;
    await run?.stop();
    run = undefined;
  });

  afterAll(async () => {
    await browser?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('Claire Fox writes every section of West Lancashire\'s report through the cards and submits it', async () => {
    role = 'epo';
    run = await startTassStart({ db, dataDir, as: role });
    page = await browser.newPage({ viewport: VIEWPORT });
    const playground = new PlaygroundPage(page);
    await playground.recordOpenedUrls();
    await playground.open(run.playgroundUrl);
    const welcome = await playground.waitForCard('Welcome to TASS reporting, Claire Fox');
    await snapshot(playground, welcome, 'epo-01-welcome');

    // 1. The term prompt: one report card per locality she serves.
    await playground.send('start');
    const westIndex = await playground.waitForCardMessage([LOCALITY_NAME, `TASS locality report · ${CURRENT.label}`]);
    const central = await playground.waitForCard('Central Lancs');
    expect(await central.innerText()).toContain('Alison Walsh and Claire Fox');
    const wizard = new ReportWizardPage(playground, playground.cardOfMessage(westIndex));
    const home = await wizard.text();
    for (const shown of ['Claire Fox', 'Not started', SCHOOL_NETWORKS.shownTitle!, NEET_PATHWAYS.shownTitle!, '0 of 6 sections done']) expect(home).toContain(shown);
    await snapshot(playground, wizard.card, 'epo-02-report-card');

    // 2. Both priorities carried from last term, every section.
    await wizard.continuePriority(SCHOOL_NETWORKS.shownTitle!);
    await writePriority(playground, wizard, SCHOOL_NETWORKS, 'epo-03-priority-1');
    let report = await wizard.waitForText([doneNotice(SCHOOL_NETWORKS), titleOf(SCHOOL_NETWORKS), 'In progress']);
    expect(report).toContain('6 of 6 sections done');
    await snapshot(playground, wizard.card, 'epo-04-priority-1-done');

    await wizard.continuePriority(NEET_PATHWAYS.shownTitle!);
    await writePriority(playground, wizard, NEET_PATHWAYS, 'epo-05-priority-2');
    await wizard.waitForText([doneNotice(NEET_PATHWAYS)]);

    // 3. A new priority.
    await wizard.addPriority();
    await writePriority(playground, wizard, NEW_PRIORITY, 'epo-06-priority-3');
    report = await wizard.waitForText([doneNotice(NEW_PRIORITY), titleOf(NEW_PRIORITY)]);
    expect(report.match(/6 of 6 sections done/g)).toHaveLength(3);
    await snapshot(playground, wizard.card, 'epo-07-report-card-complete');

    // 4. Review shows everything typed; Submit says who submitted.
    const review = await wizard.review(LOCALITY_NAME);
    expect(review).not.toContain('Before you can submit');
    expect(review).toContain(CURRENT.label);
    expectInOrder(review, TYPED_LINES);
    expectInOrder(review, MARKED_ITEMS);
    await snapshot(playground, wizard.card, 'epo-08-review');
    const submitted = await wizard.submit('Claire Fox');
    expect(submitted).not.toContain('could not be made');
    await snapshot(playground, wizard.card, 'epo-09-submitted');
    epoDocumentUrl = await playground.openCardLink(wizard.card, 'Open the compiled report');
    expect(await playground.logPanelText()).not.toMatch(/invoke [45]\d\d/);
    await playground.page.close();

    expect(await run.stop()).toBe(0);
    run = undefined;
    expectCleanBotLog(dataDir);

    // The stored report is what was typed.
    const store = await SqliteReportStore.open(db);
    try {
      expect(await store.getLocalityReport(LOCALITY_ID, CURRENT.key)).toMatchObject({ status: 'submitted', submittedBy: SAMPLE_OFFICER_IDS.claireFox });
      const updates = await store.listPriorityUpdates({ localityId: LOCALITY_ID, term: CURRENT.key });
      expect(updates.map((update) => update.title)).toEqual(PRIORITIES.map(titleOf));
      for (const [index, priority] of PRIORITIES.entries()) {
        const update = updates[index];
        if (priority.priorityId) expect(update.priorityId).toBe(priority.priorityId);
        expect(SECTION_NAMES.map((section) => [section, sectionOf(update, section)])).toEqual(priority.sections.map((entry) => [entry.section, entry.stored]));
        expect(update.carryForward).toEqual(priority.carryForward.map(({ item, outcome }) => ({ item, outcome })));
        expect(update.sectionsDone).toEqual([...SECTION_NAMES]);
        expect(update.updatedBy).toBe(SAMPLE_OFFICER_IDS.claireFox);
      }
      const added = await store.getPriority(updates[2].priorityId);
      expect(added).toMatchObject({ localityId: LOCALITY_ID, title: titleOf(NEW_PRIORITY), status: 'active', openedTerm: CURRENT.key, order: 3 });
      const events = await store.listReportEvents(LOCALITY_ID, CURRENT.key);
      expect(events).toContainEqual(expect.objectContaining({ kind: 'submitted', by: SAMPLE_OFFICER_IDS.claireFox }));
    } finally {
      await store.close();
    }
  });

  it('Helen Brooks, a manager, asks for the report on the same database and gets the document Claire wrote', async () => {
    if (!epoDocumentUrl) throw new Error('Claire\'s report was not submitted in the test before this one, so there is nothing to ask for');
    role = 'manager';
    run = await startTassStart({ db, dataDir, as: role });
    page = await browser.newPage({ viewport: VIEWPORT });
    const playground = new PlaygroundPage(page);
    await playground.recordOpenedUrls();
    await playground.open(run.playgroundUrl);
    await playground.waitForCard('Welcome to TASS reporting, Helen Brooks');

    await playground.send(`status ${termShortLabel(CURRENT.term)}`);
    const status = await playground.waitForCard(`${CURRENT.label}: `);
    expect(await status.innerText()).toMatch(new RegExp(`${LOCALITY_NAME}[\\s\\S]*Submitted[\\s\\S]*by Claire Fox`));
    await snapshot(playground, status, 'manager-01-status');

    await playground.send(`report ${termShortLabel(CURRENT.term)} ${LOCALITY_NAME}`);
    const links = await playground.waitForCard(`${CURRENT.label} reports`);
    const linksText = await links.innerText();
    expect(linksText).not.toContain('Could not be compiled');
    expect(linksText).toContain(LOCALITY_NAME);
    await snapshot(playground, links, 'manager-02-report-link');

    // The manager's link opens the document the EPO's review card linked to once she submitted.
    const url = await playground.openCardLink(links, LOCALITY_NAME);
    // Served by whichever bot is running (the port differs between the two runs), never a file: URL browsers refuse.
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/reports\//);
    expect(new URL(url).pathname).toBe(new URL(epoDocumentUrl).pathname);
    const { value: documentText } = await mammoth.extractRawText({ buffer: await fetchDocument(url, dataDir) });
    expectInOrder(documentText, [LOCALITY_NAME, 'Claire Fox', CURRENT.label, ...TYPED_LINES]);
    expectInOrder(documentText, MARKED_ITEMS);
    await playground.page.close();
    expect(await run.stop()).toBe(0);
    run = undefined;
    expectCleanBotLog(dataDir);
  });
});
