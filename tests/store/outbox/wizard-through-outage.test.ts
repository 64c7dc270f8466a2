/**
 * The report wizard on SharePoint through the outbox, over real HTTP end to end: Teams-style
 * activities to the bot server, Graph calls to the local Graph server. When Graph goes down
 * mid-report the EPO keeps working, is told the section is saved and syncing, and once Graph is
 * back SharePoint holds exactly what was typed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../../src/config/config';
import { TermCalendar } from '../../../src/domain/term-calendar';
import { createLogger } from '../../../src/logging/logger';
import { OutboxReportStore } from '../../../src/store/outbox';
import { createBotServer, type BotServer } from '../../../src/server/create-bot-server';
import { createSharePointStore } from '../../../src/store/sharepoint/sharepoint-store';
import { cardsOf, cardText } from '../../support/bot-harness';
import { aLocality, anOfficer, anUpdate, aPriority, items, prose } from '../../support/builders';
import { startLocalConnector, type LocalConnector } from '../../support/local-connector';
import { FAST_TRANSPORT, openLocalSharePoint, type LocalSharePoint } from '../../support/local-graph/sharepoint-fixture';
import { actionsOf } from '../../support/wizard-world';
import { DEFAULT_THEMES } from '../../../src/domain/themes';

const SPRING = '2024-25-spring';
const CLAIRE = anOfficer({ id: 'officer-claire-fox', name: 'Claire Fox', email: 'claire.fox@lancashire.gov.uk', aadObjectId: 'aad-claire' });

describe('the wizard through a SharePoint outage', () => {
  let sharepoint: LocalSharePoint;
  let connector: LocalConnector;
  let outbox: OutboxReportStore;
  let bot: BotServer;
  let baseUrl: string;
  let dir: string;

  beforeAll(async () => {
    sharepoint = await openLocalSharePoint();
    const seed = sharepoint.store;
    await seed.upsertLocality(aLocality());
    await seed.upsertOfficer(CLAIRE);
    await seed.savePriority(aPriority(), 0);
    await seed.savePriorityUpdate(anUpdate(), 0);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tass-outage-'));
    const logger = createLogger({ level: 'silent' });
    const { graph } = sharepoint;
    const inner = createSharePointStore({ ...graph, logger, transport: FAST_TRANSPORT });
    outbox = OutboxReportStore.open(inner, { path: path.join(dir, 'outbox.db'), logger });
    connector = await startLocalConnector();
    bot = createBotServer({
      config: loadConfig({ TASS_DB: path.join(dir, 'unused.db'), TASS_DATA_DIR: dir }),
      store: outbox,
      calendar: new TermCalendar(),
      themes: DEFAULT_THEMES,
      clock: () => new Date('2025-03-10T09:00:00Z'),
      logger,
      publisher: { publishLocalityReport: () => Promise.reject(new Error('not in this test')) },
    });
    baseUrl = `http://127.0.0.1:${await bot.listen(0, '127.0.0.1')}`;
  });

  afterAll(async () => {
    await bot.close();
    await connector.close();
    await outbox.close();
    await sharepoint.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const activity = (type: string, extra: Record<string, unknown>): Record<string, unknown> => ({
    id: randomUUID(),
    type,
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    from: { id: '29:claire', name: CLAIRE.name, aadObjectId: 'aad-claire' },
    recipient: { id: '28:tass-bot', name: 'TASS' },
    conversation: { id: 'a:personal-claire', conversationType: 'personal', tenantId: 'tenant-local' },
    ...extra,
  });

  async function post(body: Record<string, unknown>): Promise<unknown> {
    const response = await fetch(`${baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(response.status).toBe(200);
    const text = await response.text();
    return text ? (JSON.parse(text) as unknown) : undefined;
  }

  /** Presses the button with `verb` on `card`, typing `inputs`; resolves to the card that comes back. */
  async function press(card: unknown, verb: string, inputs: Record<string, string> = {}): Promise<Record<string, unknown>> {
    const action = actionsOf(card).find((candidate) => candidate.verb === verb);
    if (!action) throw new Error(`no ${verb} on the card`);
    const body = (await post(activity('invoke', { name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data: { ...action.data, ...inputs } }, trigger: 'manual' } }))) as {
      statusCode: number;
      value: Record<string, unknown>;
    };
    expect(body.statusCode).toBe(200);
    return body.value;
  }

  it('keeps saving through the outage, says so, and SharePoint has every section once Graph is back', async () => {
    const before = connector.activities.length;
    await post(activity('message', { text: 'start' }));
    const report = connector.activities.slice(before).flatMap(cardsOf)[0];
    expect(report).toBeDefined();
    const title = await press(report, 'tass.priority.continue');
    const outcomes = await press(title, 'tass.section.saveNext', { text: 'School avoidance in Chorley' });
    expect(outbox.syncState().pending).toBe(0);

    sharepoint.graph.faults.setOutage(true);
    const drafted = await press(outcomes, 'tass.section.saveDraft', { text: 'Schools know the offer\nFamilies know who to call' });
    expect(cardText(drafted)).toMatch(/saved.*SharePoint/i);
    const activity_ = await press(drafted, 'tass.section.saveNext', { text: 'Schools know the offer\nFamilies know who to call' });
    expect(cardText(activity_)).toContain('Activity last period');
    expect(outbox.syncState().pending).toBeGreaterThan(0);

    sharepoint.graph.faults.setOutage(false);
    await outbox.replayNow();
    expect(outbox.syncState()).toEqual({ pending: 0, held: [] });
    const stored = await sharepoint.store.getPriorityUpdate('central-school-avoidance', SPRING);
    expect(stored).toMatchObject({
      title: 'School avoidance in Chorley',
      intendedOutcomes: items('Schools know the offer', 'Families know who to call'),
      sectionsDone: ['priority', 'intendedOutcomes'],
      updatedBy: CLAIRE.id,
    });
    expect(stored?.exitStrategy).toEqual(prose('The MH pathways document will be in place for all schools.'));
  }, 60_000);
});
