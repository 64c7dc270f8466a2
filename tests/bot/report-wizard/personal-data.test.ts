/**
 * The personal-data guard through the real bot over HTTP: a section that could identify a child
 * is not saved until the EPO edits it or confirms it with a reason (which is recorded), realistic
 * report text saves straight through, and Submit refuses a report with unconfirmed findings.
 */
import type { SectionName } from '../../../src/domain/model';
import { cardText } from '../../support/bot-harness';
import { items, prose } from '../../support/builders';
import {
  actionsOf,
  inputValue,
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

const PRIORITY_ID = 'central-school-avoidance';
const SAVE_NEXT = 'tass.section.saveNext';
const SAVE_DRAFT = 'tass.section.saveDraft';
const BACK = 'tass.section.back';
const CONFIRM = 'tass.section.confirmPersonalData';
const CHILD = 'Panel discussed pupil Jack Smith (Year 8), DOB 03/04/2012, and agreed a reduced timetable.';
const REASON = 'The family asked for the case study to be shared with the named partners.';
const HELD = 'Check before saving: this may identify a child or family';

/** Opens a section card of the carried priority directly, as a refresh of its card would. */
async function openSection(world: WizardWorld, section: SectionName): Promise<ShownCard> {
  const titleCard = await press(world, world.claire, await openReportCard(world, world.claire), 'tass.priority.continue');
  const { data } = refreshOf(titleCard.card);
  const body = await invoke(world, world.claire, 'tass.report.refresh', { ...data, section, basis: '' }, { messageId: titleCard.messageId });
  return { card: body.value as ShownCard['card'], messageId: titleCard.messageId };
}

function reasonInput(card: unknown): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (record['id'] === 'personalDataReason') found = record;
    Object.values(record).forEach(visit);
  };
  visit(card);
  return found;
}

describe('the personal-data guard on the section cards', () => {
  let world: WizardWorld;
  beforeEach(async () => {
    world = await startWizardWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  const stored = () => world.bot.store.getPriorityUpdate(PRIORITY_ID, SPRING);

  it('holds a section naming a child, highlights the words and keeps the text; confirming with a reason saves it and records why', async () => {
    const impactCard = await openSection(world, 'impactSoFar');
    const held = await press(world, world.claire, impactCard, SAVE_NEXT, { text: CHILD });

    const shown = cardText(held.card);
    expect(shown).toContain(HELD);
    expect(shown).toContain('**Jack Smith**');
    expect(shown).toContain('**03/04/2012**');
    expect(shown).toContain('A date of birth identifies a child.');
    expect(inputValue(held.card, 'text')).toBe(CHILD);
    expect(reasonInput(held.card)).toEqual(expect.objectContaining({ type: 'Input.Text', isRequired: true }));
    expect(actionsOf(held.card).map((action) => action.title)).toContain('Confirm and save');
    expect((await stored())?.impactSoFar ?? items()).toEqual(items());

    const withoutReason = await press(world, world.claire, held, CONFIRM, { text: CHILD, personalDataReason: '  ' });
    expect(cardText(withoutReason.card)).toContain('Say why this can stay in a report shared with partners');
    expect((await stored())?.impactSoFar ?? items()).toEqual(items());

    world.bot.setNow('2025-03-10T09:20:00Z');
    const next = await press(world, world.claire, withoutReason, CONFIRM, { text: CHILD, personalDataReason: REASON });
    expect(cardText(next.card)).toContain('Exit Strategy');
    const update = await stored();
    expect(update?.impactSoFar).toEqual(prose(CHILD));
    expect(update?.sectionsDone).toContain('impactSoFar');
    expect(update?.personalDataConfirmations).toEqual({
      impactSoFar: { findingKinds: ['date-of-birth', 'named-child'], reason: REASON, confirmedBy: 'officer-claire-fox', confirmedAt: '2025-03-10T09:20:00.000Z' },
    });

    const logged = JSON.stringify(world.bot.logs);
    for (const secret of ['Jack Smith', '03/04/2012', REASON]) expect(logged).not.toContain(secret);
  });

  it('saves normally once the EPO edits the flagged words out', async () => {
    const held = await press(world, world.claire, await openSection(world, 'impactSoFar'), SAVE_DRAFT, { text: CHILD });
    expect(cardText(held.card)).toContain(HELD);
    const saved = await press(world, world.claire, held, SAVE_DRAFT, { text: 'Panel discussed one Year 8 pupil and agreed a reduced timetable.' });
    expect(cardText(saved.card)).toContain('Draft saved');
    const update = await stored();
    expect(update?.impactSoFar).toEqual(prose('Panel discussed one Year 8 pupil and agreed a reduced timetable.'));
    expect(update && 'personalDataConfirmations' in update).toBe(false);
  });

  it.each([
    ['seed-style impact', false, '12 high schools attended and contributed to the initial discussion around school avoidance and 4 high schools were part of the School Avoidance pilot, 6 individual cases have been discussed in the pilot.\n8 high schools attended the first panel meeting (4/11/24), 6 external partners and discussion around 8 young people.\nCommitment from Compass Bloom to coordinate and facilitate the SMHL network.'],
    ['an officer named with a council email', false, 'Claire Fox (claire.fox@lancashire.gov.uk) now chairs the panel; referrals go to the Central Lancs TASS inbox.'],
    ["a parent's own email", true, 'Mum now emails the school from jsmith1984@gmail.com about attendance.'],
    ['a home postcode', true, 'The family moved to PR7 1AB over half term.'],
  ])('%s: held %s', async (_label, held, text) => {
    const next = await press(world, world.claire, await openSection(world, 'impactSoFar'), SAVE_NEXT, { text });
    expect(cardText(next.card).includes(HELD)).toBe(held);
    const update = await stored();
    if (held) expect(update?.impactSoFar ?? items()).toEqual(items());
    else expect(update?.impactSoFar).not.toEqual(items());
  });

  it('keeps a confirmation while the confirmed words stay, and asks again when new ones appear', async () => {
    const held = await press(world, world.claire, await openSection(world, 'impactSoFar'), SAVE_NEXT, { text: CHILD });
    const exitCard = await press(world, world.claire, held, CONFIRM, { text: CHILD, personalDataReason: REASON });
    const confirmed = (await stored())?.personalDataConfirmations;

    const impactAgain = await press(world, world.claire, exitCard, BACK, { text: String(inputValue(exitCard.card, 'text')) });
    expect(inputValue(impactAgain.card, 'text')).toBe(CHILD);
    const withMore = `${CHILD}\nAttendance is now 92% across the cohort.`;
    const kept = await press(world, world.claire, impactAgain, SAVE_NEXT, { text: withMore });
    expect(cardText(kept.card)).not.toContain(HELD);
    expect((await stored())?.personalDataConfirmations).toEqual(confirmed);

    const impactThird = await press(world, world.claire, kept, BACK, { text: String(inputValue(kept.card, 'text')) });
    const withSister = `${withMore}\nHis sister Amy Smith (Year 5) is also known to the school.`;
    const heldAgain = await press(world, world.claire, impactThird, SAVE_NEXT, { text: withSister });
    expect(cardText(heldAgain.card)).toContain('**Amy Smith**');
    expect((await stored())?.impactSoFar).toEqual(items(CHILD, 'Attendance is now 92% across the cohort.'));

    await press(world, world.claire, heldAgain, SAVE_NEXT, { text: 'Attendance is now 92% across the cohort.' });
    const cleared = await stored();
    expect(cleared?.impactSoFar).toEqual(prose('Attendance is now 92% across the cohort.'));
    expect(cleared && 'personalDataConfirmations' in cleared).toBe(false);
  });

  it('asks again when the text changed between the highlights being shown and Confirm being pressed', async () => {
    const held = await press(world, world.claire, await openSection(world, 'impactSoFar'), SAVE_NEXT, { text: CHILD });
    const changed = `${CHILD}\nMum's mobile is 07700 900123.`;
    const again = await press(world, world.claire, held, CONFIRM, { text: changed, personalDataReason: REASON });
    expect(cardText(again.card)).toContain('The text changed after the highlighted words were shown');
    expect(cardText(again.card)).toContain('**07700 900123**');
    expect((await stored())?.impactSoFar ?? items()).toEqual(items());
  });
});

describe('the personal-data guard before submit', () => {
  let world: WizardWorld;
  beforeEach(async () => {
    world = await startWizardWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  const TEXTS = {
    priority: 'School avoidance: support for schools working with anxious children',
    intendedOutcomes: 'To map the mental health offer\nTo agree a referral route with CAMHS',
    activityLastPeriod: 'Panel met on 14 January with 8 high schools',
    plannedActivityNextPeriod: 'Second panel meeting in May',
    impactSoFar: '8 high schools now refer through the panel',
    exitStrategy: 'The LCC Attendance Team will run the panel from September',
  };
  const MARKS = { carryOutcome_0: 'done', carryOutcome_1: 'not done', carryOutcome_2: 'carried forward' };

  it('refuses to submit while a finding is unconfirmed, says where it is, and submits once it is confirmed', async () => {
    const titleCard = await press(world, world.claire, await openReportCard(world, world.claire), 'tass.priority.continue');
    const reportCard = await writePriority(world, world.claire, titleCard, TEXTS, MARKS);
    // Text that reached the store without the guard, as an import or a SharePoint edit can.
    const current = (await world.bot.store.getPriorityUpdate(PRIORITY_ID, SPRING))!;
    await world.bot.store.savePriorityUpdate({ ...current, exitStrategy: items('The LCC Attendance Team will run the panel from September.', "Jack's mum can be reached on 07700 900123.") }, current.version);

    const review = await press(world, world.claire, reportCard, 'tass.report.review');
    const listed = cardText(review.card);
    expect(listed).toContain('Before you can submit:');
    expect(listed).toContain('\u201cSchool avoidance: support for schools working with anxious children\u201d, Exit Strategy:');
    expect(listed).toContain('**07700 900123**');
    expect(actionsOf(review.card).map((action) => action.verb)).not.toContain('tass.report.submit');

    const forced = await invoke(world, world.claire, 'tass.report.submit', refreshOf(review.card).data, { messageId: review.messageId });
    expect(cardText(forced.value)).toContain('\u201cSchool avoidance: support for schools working with anxious children\u201d, Exit Strategy:');
    expect((await world.bot.store.getLocalityReport('central-lancs', SPRING))?.status).not.toBe('submitted');
    expect(world.published).toEqual([]);

    const exitCard = await openSectionOf(world, review, 'exitStrategy');
    const held = await press(world, world.claire, exitCard, SAVE_NEXT, { text: String(inputValue(exitCard.card, 'text')) });
    expect(cardText(held.card)).toContain(HELD);
    const done = await press(world, world.claire, held, CONFIRM, {
      text: String(inputValue(held.card, 'text')),
      personalDataReason: 'This is the school\u2019s family liaison mobile, not a parent\u2019s number.',
    });
    expect(cardText(done.card)).toContain('All six sections of \u201cSchool avoidance: support for schools working with anxious children\u201d are done.');

    const ready = await press(world, world.claire, done, 'tass.report.review');
    expect(cardText(ready.card)).not.toContain('Before you can submit:');
    const submitted = await press(world, world.claire, ready, 'tass.report.submit');
    expect(cardText(submitted.card)).toContain('Submitted by Claire Fox');
    expect(world.published).toHaveLength(1);
  });
});

/** Opens a section of the carried priority from any card of the report, as a refresh would. */
async function openSectionOf(world: WizardWorld, from: ShownCard, section: SectionName): Promise<ShownCard> {
  const { data } = refreshOf(from.card);
  const body = await invoke(world, world.claire, 'tass.report.refresh', { ...data, view: 'section', priorityId: PRIORITY_ID, section, basis: '' }, { messageId: from.messageId });
  return { card: body.value as ShownCard['card'], messageId: from.messageId };
}
