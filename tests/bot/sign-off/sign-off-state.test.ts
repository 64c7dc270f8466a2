/** Applying sign-off against a real SQLite store: one decision wins when two managers press at once. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applySignOff } from '../../../src/bot/sign-off/sign-off-state';
import { loadConfig } from '../../../src/config/config';
import { openStore } from '../../../src/store/open-store';
import type { ReportStore } from '../../../src/store/report-store';
import { aLocality, anOfficer, aReport } from '../../support/builders';

const SPRING = '2024-25-spring';
const MARY = anOfficer({ id: 'officer-mary', name: 'Mary Holt', roles: ['manager'], localityIds: ['central-lancs'] });
const KIM = anOfficer({ id: 'officer-kim', name: 'Kim Shaw', roles: ['manager'], localityIds: [] });
const SUBMITTED_AT = '2025-03-20T10:00:00.000Z';

describe('applySignOff', () => {
  let dir: string;
  let store: ReportStore;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tass-sign-off-'));
    store = await openStore(loadConfig({ TASS_DB: path.join(dir, 'tass.db'), TASS_DATA_DIR: dir }));
    await store.upsertLocality(aLocality());
    await store.saveLocalityReport(aReport({ term: SPRING, approval: 'pending', returnComment: undefined, submittedAt: SUBMITTED_AT }), 0);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('two managers deciding at once end with one decision and one event', async () => {
    const outcomes = await Promise.all([
      applySignOff(store, 'central-lancs', SPRING, { decision: 'approve', by: MARY, at: '2025-03-21T09:00:00.000Z', submittedAt: SUBMITTED_AT }),
      applySignOff(store, 'central-lancs', SPRING, { decision: 'return', by: KIM, at: '2025-03-21T09:00:00.000Z', comment: 'Add figures', submittedAt: SUBMITTED_AT }),
    ]);
    expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(['decided', 'unchanged']);
    const events = await store.listReportEvents('central-lancs', SPRING);
    expect(events).toHaveLength(1);
    const report = await store.getLocalityReport('central-lancs', SPRING);
    expect(report?.approval).toBe(events[0].kind === 'approved' ? 'approved' : 'returned');
    expect(report?.version).toBe(2);
  });

  it('saves nothing when refused', async () => {
    const outcome = await applySignOff(store, 'central-lancs', SPRING, { decision: 'return', by: MARY, at: '2025-03-21T09:00:00.000Z', comment: '' });
    expect(outcome).toEqual({ kind: 'refused', reason: 'comment required' });
    expect(await store.listReportEvents('central-lancs', SPRING)).toEqual([]);
    expect((await store.getLocalityReport('central-lancs', SPRING))?.version).toBe(1);
  });
});
