/** Review and submit: the whole report as compiled, submitted once and published once. */
import { escapeCardText } from '../../../src/cards/escape-card-text';
import { cardText } from '../../support/bot-harness';
import {
  actionsOf,
  invoke,
  openReportCard,
  press,
  refreshOf,
  SPRING,
  startWizardWorld,
  writePriority,
  type ShownCard,
  type WizardWorld,
} from '../../support/wizard-world';

const TEXTS = {
  priority: 'School avoidance: support for schools working with anxious children',
  intendedOutcomes: 'To map the mental health offer\nTo agree a referral route with CAMHS',
  activityLastPeriod: 'Panel met on 14 January with 8 high schools',
  plannedActivityNextPeriod: 'Second panel meeting in May',
  impactSoFar: '8 high schools now refer through the panel',
  exitStrategy: 'The LCC Attendance Team will run the panel from September',
};
const MARKS = { carryOutcome_0: 'done', carryOutcome_1: 'not done', carryOutcome_2: 'carried forward' };

/** A section button under "Edit a section" on the report card of a finished priority. */
const EDIT_SECTION = 'tass.section.open';

describe('review and submit', () => {
  let world: WizardWorld;
  beforeEach(async () => {
    world = await startWizardWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  async function completedReport(): Promise<ShownCard> {
    const titleCard = await press(world, world.claire, await openReportCard(world, world.claire), 'tass.priority.continue');
    return writePriority(world, world.claire, titleCard, TEXTS, MARKS);
  }

  it('lists what is missing and offers no Submit until every section is written', async () => {
    const review = await press(world, world.claire, await openReportCard(world, world.claire), 'tass.report.review');
    const text = cardText(review.card);
    expect(text).toContain('Before you can submit:');
    expect(text).toContain(escapeCardText('\u201cSchool Avoidance- what support is available for schools\u201d: Activity last period is not written yet.'));
    expect(actionsOf(review.card).map((a) => a.verb)).not.toContain('tass.report.submit');
  });

  it('shows the report as compiled, submits it once and publishes it once, however often Submit arrives', async () => {
    const review = await press(world, world.claire, await completedReport(), 'tass.report.review');
    const text = cardText(review.card);
    const headings = ['Priority', 'Intended Outcomes', 'Activity last period', 'Planned activity next period', 'Impact so far', 'Exit Strategy'];
    const positions = headings.map((heading) => text.indexOf(`\n${heading}\n`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toContain(escapeCardText('• To agree a referral route with CAMHS'));

    world.bot.setNow('2025-03-21T15:30:00Z');
    const submitted = await press(world, world.claire, review, 'tass.report.submit');
    expect(cardText(submitted.card)).toContain(escapeCardText('Submitted by Claire Fox at 15:30 on 21 March 2025'));
    expect(actionsOf(submitted.card).map((a) => a.verb)).not.toContain('tass.report.submit');

    await press(world, world.claire, review, 'tass.report.submit');
    await press(world, world.alison, review, 'tass.report.submit');
    expect(world.published).toEqual([{ localityId: 'central-lancs', term: SPRING, submittedBy: 'officer-claire-fox' }]);
    expect((await world.bot.store.listReportEvents('central-lancs', SPRING)).map((e) => e.kind)).toEqual(['submitted']);
    expect(await world.bot.store.getLocalityReport('central-lancs', SPRING)).toMatchObject({
      status: 'submitted',
      submittedBy: 'officer-claire-fox',
      submittedAt: '2025-03-21T15:30:00.000Z',
      approval: 'pending',
      officerIds: ['officer-alison-walsh', 'officer-claire-fox'],
    });

    // Everyone's card refreshes to the submitted report.
    const refresh = refreshOf(submitted.card);
    const alisonView = await invoke(world, world.alison, refresh.verb, refresh.data, { trigger: 'automatic', messageId: submitted.messageId });
    expect(cardText(alisonView.value)).toContain(escapeCardText('Submitted by Claire Fox at 15:30 on 21 March 2025'));
  });

  it('refuses edits to a submitted report with a card that says so', async () => {
    const report = await completedReport();
    const staleSection = await press(world, world.alison, report, EDIT_SECTION, {}, (data) => data['section'] === 'priority');
    await press(world, world.claire, await press(world, world.claire, report, 'tass.report.review'), 'tass.report.submit');
    const before = await world.bot.store.getPriorityUpdate('central-school-avoidance', SPRING);

    const refused = await press(world, world.alison, staleSection, 'tass.section.saveDraft', { text: 'A late change' });
    expect(cardText(refused.card)).toContain('This report has been submitted, so it can no longer be changed here.');
    expect(await world.bot.store.getPriorityUpdate('central-school-avoidance', SPRING)).toEqual(before);
  });

  it('does not submit a report that changed after the review was opened', async () => {
    const report = await completedReport();
    const review = await press(world, world.claire, report, 'tass.report.review');
    const alisonSection = await press(world, world.alison, report, EDIT_SECTION, {}, (data) => data['section'] === 'priority');
    await press(world, world.alison, alisonSection, 'tass.section.saveDraft', { text: 'A better title for the priority' });

    const again = await press(world, world.claire, review, 'tass.report.submit');
    expect(cardText(again.card)).toContain('The report changed since you opened this review.');
    expect(cardText(again.card)).toContain('A better title for the priority');
    expect(world.published).toEqual([]);
    expect((await world.bot.store.getLocalityReport('central-lancs', SPRING))?.status).toBe('in progress');
  });

  it('shows a manager\'s return comment and lets the EPOs change and submit the report again', async () => {
    const report = await completedReport();
    await press(world, world.claire, await press(world, world.claire, report, 'tass.report.review'), 'tass.report.submit');
    const submitted = await world.bot.store.getLocalityReport('central-lancs', SPRING);
    const comment = 'Please add how many schools attend the panel.';
    await world.bot.store.saveLocalityReport({ ...submitted!, status: 'in progress', approval: 'returned', returnComment: comment }, submitted!.version);

    const returned = await openReportCard(world, world.alison);
    expect(cardText(returned.card)).toContain('Returned for changes');
    expect(cardText(returned.card)).toContain(escapeCardText(comment));
    // Every section is done, so the priority offers "Edit a section"; Alison starts from its Priority.
    const titleCard = await press(world, world.alison, returned, EDIT_SECTION, {}, (data) => data['priorityId'] === 'central-school-avoidance' && data['section'] === 'priority');
    const outcomes = await press(world, world.alison, titleCard, 'tass.section.saveNext', { text: TEXTS.priority });
    const activity = await press(world, world.alison, outcomes, 'tass.section.saveNext', { text: TEXTS.intendedOutcomes });
    await press(world, world.alison, activity, 'tass.section.saveDraft', { text: 'Panel met on 14 January with 8 high schools (12 attend now)', ...MARKS });

    const review = await press(world, world.alison, returned, 'tass.report.review');
    await press(world, world.alison, review, 'tass.report.submit');
    expect(world.published.map((call) => call.submittedBy)).toEqual(['officer-claire-fox', 'officer-alison-walsh']);
    const resubmitted = await world.bot.store.getLocalityReport('central-lancs', SPRING);
    expect(resubmitted).toMatchObject({ status: 'submitted', approval: 'pending', submittedBy: 'officer-alison-walsh' });
    expect(resubmitted?.returnComment).toBeUndefined();
  });
});
