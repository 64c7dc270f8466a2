/**
 * Managers' sign-off through the real bot server: the sign-off card reaches the locality's
 * managers, Return needs a comment and reopens the report with the comment on the EPOs' report
 * card, Approve marks it approved, pressing twice is harmless, other managers cannot act, and
 * the history shows every step.
 */
import { sendSignOffRequests } from '../../../src/bot/sign-off';
import { cardText } from '../../support/bot-harness';
import { startSignOffWorld, submitThroughWizard, waitForCard, type SignOffWorld } from '../../support/sign-off-world';
import { openReportCard, press, SPRING, type ShownCard } from '../../support/wizard-world';

describe('manager sign-off', () => {
  let world: SignOffWorld;
  beforeEach(async () => {
    world = await startSignOffWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  async function submittedAndSentToManagers(): Promise<ShownCard> {
    await submitThroughWizard(world, world.claire);
    return waitForCard(world, world.mary, 'Waiting for approval');
  }

  it('a submission through the wizard sends the sign-off card to the locality\'s managers by itself', async () => {
    await submitThroughWizard(world, world.claire);
    const card = await waitForCard(world, world.mary, 'TASS locality report for sign-off');
    expect(cardText(card.card)).toContain('Submitted by Claire Fox');
    expect(world.bot.cardsIn(world.omar).filter((c) => cardText(c).includes('for sign-off'))).toHaveLength(0);
    const approved = await press(world, world.mary, card, 'tass.signoff.approve');
    expect(cardText(approved.card)).toContain('Approved by Mary Holt');
  });

  it('sends the sign-off card to the managers of the locality only, once per submission', async () => {
    const card = await submittedAndSentToManagers();
    expect(cardText(card.card)).toContain('Central Lancs');
    expect(cardText(card.card)).toContain('Waiting for approval');
    expect(cardText(card.card)).toContain('Some concerns');
    expect(cardText(card.card)).toContain('Impact so far, in brief');
    expect(cardText(card.card)).toMatch(/Priorities \(\d+ priorit(y|ies)\)/);
    expect(world.bot.cardsIn(world.omar).filter((c) => cardText(c).includes('for sign-off'))).toHaveLength(0);
    // The background send records its delivery just after the card arrives.
    for (let tries = 0; tries < 100 && !(await world.bot.store.listDeliveries(SPRING)).some((d) => d.kind.startsWith('sign-off:') && d.status === 'sent'); tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const again = await sendSignOffRequests(world.bot.deps, world.bot.bot.messenger, 'central-lancs', SPRING);
    expect(again).toMatchObject({ sent: 0, alreadySent: 1 });
  });

  it('returns a report with a comment: it reopens for the EPOs and the comment is on their report card', async () => {
    const card = await submittedAndSentToManagers();
    const noComment = await press(world, world.mary, card, 'tass.signoff.return', { returnComment: '  ' });
    expect(cardText(noComment.card)).toContain('Say what needs changing');
    expect((await world.bot.store.getLocalityReport('central-lancs', SPRING))?.status).toBe('submitted');

    const returned = await press(world, world.mary, card, 'tass.signoff.return', { returnComment: 'Please add how many schools attend the panel.' });
    expect(cardText(returned.card)).toContain('Returned for changes by Mary Holt');
    const report = await world.bot.store.getLocalityReport('central-lancs', SPRING);
    expect(report).toMatchObject({ status: 'in progress', approval: 'returned', returnComment: 'Please add how many schools attend the panel.' });

    // Both EPOs are sent their report card, which shows the comment.
    for (const epo of [world.claire, world.alison]) await waitForCard(world, epo, 'Please add how many schools attend the panel.');
    const { card: reportCard } = await openReportCard(world, world.alison);
    expect(cardText(reportCard)).toContain('Returned for changes');
    expect(cardText(reportCard)).toContain('Please add how many schools attend the panel.');
    // Every section was done before submitting: the EPOs can open any of them again.
    expect(cardText(reportCard)).toContain('Edit a section');

    // A second press, or Approve on the stale card, changes nothing.
    const twice = await press(world, world.mary, card, 'tass.signoff.return', { returnComment: 'Again' });
    expect(cardText(twice.card)).toContain('already been returned');
    const approveLate = await press(world, world.mary, card, 'tass.signoff.approve');
    expect(cardText(approveLate.card)).toContain('already been returned');
    expect((await world.bot.store.getLocalityReport('central-lancs', SPRING))?.returnComment).toBe('Please add how many schools attend the panel.');
  });

  it('approves a report once, whoever presses twice', async () => {
    const card = await submittedAndSentToManagers();
    const approved = await press(world, world.mary, card, 'tass.signoff.approve');
    expect(cardText(approved.card)).toContain('Approved by Mary Holt');
    expect(JSON.stringify(approved.card)).not.toContain('tass.signoff.approve');
    const twice = await press(world, world.mary, card, 'tass.signoff.approve');
    expect(cardText(twice.card)).toContain('already approved');
    expect(await world.bot.store.getLocalityReport('central-lancs', SPRING)).toMatchObject({ status: 'submitted', approval: 'approved' });
    const events = await world.bot.store.listReportEvents('central-lancs', SPRING);
    expect(events.filter((event) => event.kind === 'approved')).toHaveLength(1);
  });

  it.each([
    ['a manager of another locality', 'omar'],
    ['an EPO of the locality', 'claire'],
  ] as const)('refuses %s', async (_what, who) => {
    const card = await submittedAndSentToManagers();
    const answer = await press(world, world[who], card, 'tass.signoff.approve');
    expect(cardText(answer.card)).toContain('Only the managers of this locality');
    expect((await world.bot.store.getLocalityReport('central-lancs', SPRING))?.approval).toBe('pending');
  });

  it('a card about an earlier submission cannot decide the resubmitted report', async () => {
    const first = await submittedAndSentToManagers();
    await press(world, world.mary, first, 'tass.signoff.return', { returnComment: 'Add the figures.' });
    world.bot.setNow('2025-03-12T10:00:00Z');
    await submitThroughWizard(world, world.alison);
    const stale = await press(world, world.mary, first, 'tass.signoff.return', { returnComment: 'Old card' });
    expect(cardText(stale.card)).toContain('earlier submission');
    expect(await world.bot.store.getLocalityReport('central-lancs', SPRING)).toMatchObject({ status: 'submitted', approval: 'pending' });
  });

  it('shows the history: submitted, returned with the comment, submitted again, approved', async () => {
    const first = await submittedAndSentToManagers();
    await press(world, world.mary, first, 'tass.signoff.return', { returnComment: 'Add the figures.' });
    world.bot.setNow('2025-03-12T10:00:00Z');
    await submitThroughWizard(world, world.alison);
    const second = await waitForCard(world, world.mary, 'Submitted by Alison Walsh');
    await press(world, world.mary, second, 'tass.signoff.approve');
    const history = await press(world, world.mary, second, 'tass.report.history');
    const text = cardText(history.card);
    const order = ['Submitted · Claire Fox', 'Returned for changes · Mary Holt', 'Add the figures.', 'Submitted · Alison Walsh', 'Approved · Mary Holt'];
    const positions = order.map((line) => text.indexOf(line));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // The EPOs may read it too; an EPO of another locality may not.
    expect(cardText((await press(world, world.claire, second, 'tass.report.history')).card)).toContain('Approved · Mary Holt');
    expect(cardText((await press(world, world.peter, second, 'tass.report.history')).card)).toContain('Not your locality');
  });

  it('logs no comment text', async () => {
    const card = await submittedAndSentToManagers();
    await press(world, world.mary, card, 'tass.signoff.return', { returnComment: 'Jamie Smith in Year 9 needs a mention' });
    expect(JSON.stringify(world.bot.logs)).not.toContain('Jamie Smith');
  });
});
