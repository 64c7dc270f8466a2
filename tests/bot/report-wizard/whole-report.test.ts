/**
 * The "done when" of the wizard: an EPO writes a whole term's report for a locality with two
 * priorities, one of them new, purely by pressing cards in Teams chat (real activities over HTTP),
 * and the store holds exactly what was typed.
 */
import { cardText } from '../../support/bot-harness';
import { items, prose } from '../../support/builders';
import { escapeCardText } from '../../../src/cards/escape-card-text';
import { openReportCard, press, SPRING, startWizardWorld, writePriority, type WizardWorld } from '../../support/wizard-world';

/** Typed the way EPOs paste from Word: three kinds of bullets, non-breaking spaces, trailing spaces. */
const CARRIED = {
  priority: 'School Avoidance – support for schools when children and families experience anxiety about attending school',
  intendedOutcomes: '• Schools know the mental health offer across Chorley and South Ribble \n• The TASS work links to the county-wide attendance work',
  activityLastPeriod: '- Panel met on 14\u00a0January: 8 high schools, 6 partners\n- Barnardo\'s shared their offer for schools\n- SMHL network restarted by Compass Bloom',
  plannedActivityNextPeriod: 'Second panel meeting in May\nMH pathways document to every school',
  impactSoFar: '8 high schools now refer through the panel; 3 young people back in full-time education.',
  exitStrategy: 'The LCC Attendance Team will run the panel from September; the EPO remains a point of contact.',
};
const NEW = {
  priority: 'Transition to secondary school for children with SEND in Chorley',
  intendedOutcomes: 'To agree one transition passport for every Chorley primary\nTo hold a joint SENCO transition meeting each summer',
  activityLastPeriod: 'SENCO network agreed the need for a shared passport in February.',
  plannedActivityNextPeriod: '1. Draft the passport with two primaries\n2. Share it at the June SENCO network',
  impactSoFar: 'Too early to report impact: the network has agreed the approach.',
  exitStrategy: 'The SENCO network will own the passport once it is in use.',
};
const MARKS = { carryOutcome_0: 'done', carryOutcome_1: 'partly done', carryOutcome_2: 'carried forward' };

describe('a whole locality report through the cards', () => {
  let world: WizardWorld;
  beforeAll(async () => {
    world = await startWizardWorld();
  });
  afterAll(async () => {
    await world.close();
  });

  it('Claire writes both priorities, one new, reviews and submits; the store holds exactly what she typed', async () => {
    const start = await openReportCard(world, world.claire);
    const afterCarried = await writePriority(world, world.claire, await press(world, world.claire, start, 'tass.priority.continue'), CARRIED, MARKS);
    expect(cardText(afterCarried.card)).toContain('6 of 6 sections done');

    const afterNew = await writePriority(world, world.claire, await press(world, world.claire, afterCarried, 'tass.priority.add'), NEW);
    expect(cardText(afterNew.card).match(/6 of 6 sections done/g)).toHaveLength(2);

    const review = await press(world, world.claire, afterNew, 'tass.report.review');
    // The marks made on the Activity last period card, under that section, as the report prints them.
    const reviewText = cardText(review.card);
    const activity = reviewText.slice(reviewText.indexOf('Activity last period'), reviewText.indexOf('Planned activity next period'));
    for (const marked of [
      '• SMHL network restarted by Compass Bloom',
      '• Follow up with PMHW/ CAMHs planned. (done)',
      '• Handover of the school avoidance work to LCC Attendance Team. (partly done)',
      '• School avoidance panel meeting to be held with more school and key partners. (carried forward)',
    ]) {
      expect(activity).toContain(escapeCardText(marked));
    }
    const submitted = await press(world, world.claire, review, 'tass.report.submit');
    expect(cardText(submitted.card)).toContain(escapeCardText('Submitted by Claire Fox at 09:00 on 10 March 2025'));

    const { store } = world.bot;
    const priorities = await store.listPriorities('central-lancs');
    expect(priorities).toHaveLength(2);
    const [carried, added] = priorities;
    expect(added).toMatchObject({ title: NEW.priority, openedTerm: SPRING, status: 'active', order: 2 });
    expect(carried).toMatchObject({
      id: 'central-school-avoidance',
      title: CARRIED.priority,
      intendedOutcomes: items('Schools know the mental health offer across Chorley and South Ribble', 'The TASS work links to the county-wide attendance work'),
      exitStrategy: prose(CARRIED.exitStrategy),
    });

    const updates = await store.listPriorityUpdates({ localityId: 'central-lancs', term: SPRING });
    expect(updates.map((u) => u.priorityId)).toEqual(['central-school-avoidance', added.id]);
    expect(updates[0]).toMatchObject({
      title: CARRIED.priority,
      intendedOutcomes: items('Schools know the mental health offer across Chorley and South Ribble', 'The TASS work links to the county-wide attendance work'),
      activityLastPeriod: items('Panel met on 14 January: 8 high schools, 6 partners', "Barnardo's shared their offer for schools", 'SMHL network restarted by Compass Bloom'),
      plannedActivityNextPeriod: items('Second panel meeting in May', 'MH pathways document to every school'),
      impactSoFar: prose(CARRIED.impactSoFar),
      exitStrategy: prose(CARRIED.exitStrategy),
      carryForward: [
        { item: 'Follow up with PMHW/ CAMHs planned.', outcome: 'done' },
        { item: 'Handover of the school avoidance work to LCC Attendance Team.', outcome: 'partly done' },
        { item: 'School avoidance panel meeting to be held with more school and key partners.', outcome: 'carried forward' },
      ],
      sectionsDone: ['priority', 'intendedOutcomes', 'activityLastPeriod', 'plannedActivityNextPeriod', 'impactSoFar', 'exitStrategy'],
      updatedBy: 'officer-claire-fox',
    });
    expect(updates[1]).toMatchObject({
      title: NEW.priority,
      intendedOutcomes: items('To agree one transition passport for every Chorley primary', 'To hold a joint SENCO transition meeting each summer'),
      activityLastPeriod: prose(NEW.activityLastPeriod),
      plannedActivityNextPeriod: items('Draft the passport with two primaries', 'Share it at the June SENCO network'),
      impactSoFar: prose(NEW.impactSoFar),
      exitStrategy: prose(NEW.exitStrategy),
      carryForward: [],
    });
    expect(await store.getLocalityReport('central-lancs', SPRING)).toMatchObject({ status: 'submitted', submittedBy: 'officer-claire-fox' });
    expect(world.published).toEqual([{ localityId: 'central-lancs', term: SPRING, submittedBy: 'officer-claire-fox' }]);

    // Logs carry ids and counts, never what was written.
    const logs = JSON.stringify(world.bot.logs);
    for (const typed of [...Object.values(CARRIED), ...Object.values(NEW)]) expect(logs).not.toContain(typed.split('\n')[0].slice(0, 30));
  });
});
