/**
 * Card data is never trusted. Through the real server, Action.Execute invokes are replayed with
 * their data tampered with (another locality, another locality's priority, a submitted report,
 * forged versions, missing and extra fields, unknown verbs) or pressed by someone who may not
 * (a partner, a manager, a stranger). Each is answered with a card that says why, and the store
 * is exactly as it was.
 */
import { cardText, type HarnessUser } from '../support/bot-harness';
import { anOfficer, aPriority, anUpdate } from '../support/builders';
import { storeSnapshot } from '../support/store-snapshot';
import { actionsOf, AUTUMN, invoke, openReportCard, press, SPRING, startWizardWorld, type WizardWorld } from '../support/wizard-world';

const SAVE_DRAFT = 'tass.section.saveDraft';
const SAVE_NEXT = 'tass.section.saveNext';

type Forgery = (base: Record<string, unknown>) => Record<string, unknown>;

describe('tampered Action.Execute invokes', () => {
  let world: WizardWorld;
  let partner: HarnessUser;
  let manager: HarnessUser;
  let stranger: HarnessUser;
  /** The data of Claire's real "Save draft" on the Impact so far card of her own priority. */
  let impactSave: Record<string, unknown>;
  /** The data of Claire's real "Save draft" on the Priority (title) card. */
  let titleSave: Record<string, unknown>;

  beforeAll(async () => {
    world = await startWizardWorld();
    const { bot, claire } = world;
    await bot.store.savePriority(aPriority({ id: 'preston-attendance', localityId: 'preston', title: 'Attendance in Preston', order: 1 }), 0);
    await bot.store.savePriorityUpdate(anUpdate({ priorityId: 'preston-attendance', localityId: 'preston', term: SPRING, title: 'Attendance in Preston', sectionsDone: [] }), 0);
    await bot.store.upsertOfficer(anOfficer({ id: 'officer-pat', name: 'Pat Partner', email: 'pat.partner@example.org', aadObjectId: 'aad-pat', roles: ['partner'], localityIds: ['central-lancs'] }));
    await bot.store.upsertOfficer(anOfficer({ id: 'officer-mo', name: 'Mo Manager', email: 'mo.manager@lancashire.gov.uk', aadObjectId: 'aad-mo', roles: ['manager'], localityIds: ['central-lancs'] }));
    partner = bot.user({ name: 'Pat Partner', email: 'pat.partner@example.org', aadObjectId: 'aad-pat' });
    manager = bot.user({ name: 'Mo Manager', email: 'mo.manager@lancashire.gov.uk', aadObjectId: 'aad-mo' });
    stranger = bot.user({ name: 'Sam Stranger', email: 'sam.stranger@example.org', aadObjectId: 'aad-stranger' });

    // Claire writes her title and opens the Impact so far card: the buttons whose data gets forged.
    const report = await openReportCard(world, claire);
    const title = await press(world, claire, report, 'tass.priority.continue');
    titleSave = actionsOf(title.card).find((action) => action.verb === SAVE_DRAFT)!.data;
    let shown = await press(world, claire, title, SAVE_NEXT, { text: 'School avoidance in Chorley and South Ribble' });
    for (const section of ['intendedOutcomes', 'activityLastPeriod', 'plannedActivityNextPeriod']) {
      const marks: Record<string, string> = section === 'activityLastPeriod' ? { carryOutcome_0: 'done', carryOutcome_1: 'done', carryOutcome_2: 'done' } : {};
      shown = await press(world, claire, shown, SAVE_NEXT, { text: `What Claire wrote for ${section}`, ...marks });
    }
    impactSave = actionsOf(shown.card).find((action) => action.verb === SAVE_DRAFT)!.data;
    expect(impactSave).toMatchObject({ localityId: 'central-lancs', section: 'impactSoFar', priorityId: 'central-school-avoidance' });
    await press(world, claire, shown, SAVE_DRAFT, { text: 'Impact as Claire drafted it' });
  });

  afterAll(async () => {
    await world.close();
  });

  const state = () => storeSnapshot(world.bot.store, [SPRING, AUTUMN]);

  /** Presses `verb` with `data` as `user`; the answer must be a card, and the store unchanged. */
  async function refusedWithCard(user: HarnessUser, verb: string, data: Record<string, unknown>): Promise<string> {
    const before = await state();
    const body = await invoke(world, user, verb, data);
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(await state()).toBe(before);
    return cardText(body.value);
  }

  it.each<[string, string, Forgery, RegExp]>([
    ['another locality\'s id', SAVE_DRAFT, (d) => ({ ...d, localityId: 'preston', text: 'Overwrite Preston' }), /Not your locality/],
    ['a locality that does not exist', SAVE_DRAFT, (d) => ({ ...d, localityId: 'atlantis', text: 'x' }), /Not your locality|Locality not found/],
    ['a priority of another locality, under her own locality', SAVE_DRAFT, (d) => ({ ...d, priorityId: 'preston-attendance', text: 'Overwrite Preston' }), /no longer in this report/],
    ['a priority of another locality on the title card (no takeover)', SAVE_DRAFT, (d) => ({ ...d, priorityId: 'preston-attendance', section: 'priority', text: 'Taken over' }), /no longer in this report/],
    ['a priority that does not exist', SAVE_NEXT, (d) => ({ ...d, priorityId: 'central-ghost', text: 'Ghost' }), /no longer in this report/],
    ['a future version number', SAVE_DRAFT, (d) => ({ ...d, version: 99, basis: 'forged', text: 'From the future' }), /saved this section .* while you were editing/],
    ['a stale version number', SAVE_DRAFT, (d) => ({ ...d, version: 0, basis: '0000000000000000', text: 'From an old card' }), /saved this section .* while you were editing/],
    ['a negative version number', SAVE_DRAFT, (d) => ({ ...d, version: -1, text: 'x' }), /out of date/],
    ['a version that is not a number', SAVE_DRAFT, (d) => ({ ...d, version: null, text: 'x' }), /out of date/],
    ['a missing locality', SAVE_DRAFT, ({ localityId: _l, ...d }) => ({ ...d, text: 'x' }), /out of date/],
    ['a missing term', SAVE_DRAFT, ({ term: _t, ...d }) => ({ ...d, text: 'x' }), /out of date/],
    ['a missing section', SAVE_DRAFT, ({ section: _s, ...d }) => ({ ...d, text: 'x' }), /could not be read|out of date/],
    // Teams leaves an empty box out of the data, so a missing text is an empty section: never "done".
    ['a missing text on Save and next', SAVE_NEXT, (d) => d, /is needed for the report/],
    ['a missing text on the title of a new priority', SAVE_DRAFT, (d) => ({ ...d, section: 'priority', priorityId: 'central-lancs-forged-new' }), /needs its title/],
    ['a term that is not a term', SAVE_DRAFT, (d) => ({ ...d, term: '2024-25-winter', text: 'x' }), /out of date/],
    ['a section that does not exist', SAVE_DRAFT, (d) => ({ ...d, section: 'everything', text: 'x' }), /out of date/],
    ['a text over the raw limit', SAVE_DRAFT, (d) => ({ ...d, text: 'x'.repeat(100_001) }), /could not be read/],
    ['an unknown carry-forward outcome', SAVE_NEXT, (d) => ({ ...d, section: 'activityLastPeriod', text: 'x', carryOutcome_0: 'sort of' }), /could not be read/],
  ])('refuses %s', async (_label, verb, forge, expected) => {
    const text = await refusedWithCard(world.claire, verb, forge(impactSave));
    expect(text).toMatch(expected);
  });

  it('ignores extra fields: a save names its author from the sender, never from the card', async () => {
    const body = await invoke(world, world.claire, SAVE_DRAFT, {
      ...impactSave,
      text: 'Impact as Claire drafted it, with one more line',
      updatedBy: 'officer-peter-hale',
      officerId: 'officer-peter-hale',
      localityIds: ['preston'],
      roles: ['admin'],
      __proto__: { admin: true },
    });
    expect(body.statusCode).toBe(200);
    const stored = await world.bot.store.getPriorityUpdate('central-school-avoidance', SPRING);
    expect(stored?.updatedBy).toBe('officer-claire-fox');
    expect((await world.bot.store.getOfficer('officer-claire-fox'))?.roles).toEqual(['epo']);
  });

  it('answers an unknown verb with a card', async () => {
    const text = await refusedWithCard(world.claire, 'tass.admin.deleteEverything', impactSave);
    expect(text).toMatch(/not recognised/);
  });

  it.each([
    ['a partner', () => partner, /Not your locality/],
    ['a manager who is not an EPO of the locality', () => manager, /Not your locality/],
    ['an EPO of another locality', () => world.peter, /Not your locality/],
    ['someone the bot does not know', () => stranger, /not registered/],
  ])('refuses %s pressing an EPO\'s Save', async (_label, who, expected) => {
    const text = await refusedWithCard(who(), SAVE_DRAFT, { ...impactSave, text: 'Not theirs to write' });
    expect(text).toMatch(expected);
  });

  it('refuses any change to a submitted report', async () => {
    const report = await world.bot.store.getLocalityReport('central-lancs', SPRING);
    await world.bot.store.saveLocalityReport({ ...report!, status: 'submitted', submittedBy: 'officer-claire-fox', submittedAt: '2025-03-10T09:00:00.000Z' }, report!.version);
    for (const [verb, data] of [
      [SAVE_DRAFT, { ...impactSave, text: 'After submission' }],
      [SAVE_NEXT, { ...titleSave, text: 'After submission' }],
      ['tass.priority.add', impactSave],
      ['tass.priority.close.save', { ...impactSave, status: 'closed', closingNote: 'After submission' }],
    ] as const) {
      const text = await refusedWithCard(world.claire, verb, data);
      expect(text).toMatch(/submitted/i);
    }
  });

  it.each([
    ['approve', 'tass.signoff.approve'],
    ['return for changes', 'tass.signoff.return'],
  ])('refuses an EPO pressing a manager\'s %s on their own report', async (_label, verb) => {
    const report = await world.bot.store.getLocalityReport('central-lancs', SPRING);
    const data = { localityId: 'central-lancs', term: SPRING, submittedAt: report?.submittedAt ?? '', returnComment: 'Approve it myself' };
    const text = await refusedWithCard(world.alison, verb, data);
    expect(text).toMatch(/manager/i);
    const elsewhere = await refusedWithCard(world.alison, verb, { ...data, localityId: 'atlantis' });
    expect(elsewhere).toMatch(/manager|not found/i);
  });
});
