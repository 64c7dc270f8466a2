/** `tass provision` as an admin runs it: the built CLI in a child process, against a local Graph server. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { startLocalGraph, type LocalGraph } from '../support/local-graph/local-graph-server';
import { graphEnvironment, provisionLists, sharePointStoreOn } from '../support/local-graph/sharepoint-fixture';
import { aLocality, aPriority, aReport, anUpdate, items, NEXT_TERM, SAMPLE_TERM } from '../support/builders';



const CLI = path.resolve(__dirname, '../../src/cli/main.js');

function runTass(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', NODE_NO_WARNINGS: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('tass provision', () => {
  let graph: LocalGraph;
  let env: Record<string, string>;

  beforeEach(async () => {
    graph = await startLocalGraph();
    env = graphEnvironment(graph);
  });

  afterEach(async () => {
    await graph.close();
  });

  it('prints the plan on --dry-run and changes nothing', async () => {
    const result = await runTass(['provision', '--dry-run'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('would      create list "TASS Priority Updates" with');
    // The list partners read is provisioned with the working lists.
    expect(result.stdout).toContain('would      create list "TASS Published Updates" with');
    expect(result.stdout).toContain('Dry run: 10 change(s) planned, nothing changed.');
    expect(graph.site.lists).toHaveLength(0);
  });

  it('creates the lists, and a second run reports nothing to change', async () => {
    const first = await runTass(['provision'], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Done: 10 list(s) created, 0 column(s) added, 0 column(s) updated, 0 list(s) unchanged.');
    const second = await runTass(['provision'], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('unchanged   TASS Officers');
    expect(second.stdout).toContain('Nothing to change');
    expect(graph.site.lists).toHaveLength(10);
    expect(graph.site.lists.map((list) => list.displayName)).toContain('TASS Published Updates');
  });

  it('lists every missing setting at once', async () => {
    const { GRAPH_CLIENT_SECRET: _secret, SHAREPOINT_SITE_ID: _site, ...partial } = env;
    const result = await runTass(['provision'], partial);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('SHAREPOINT_SITE_ID: required to reach SharePoint');
    expect(result.stderr).toContain('GRAPH_CLIENT_SECRET: required to reach SharePoint');
  });

  it('says sign-in was refused for a wrong secret, without printing the secret', async () => {
    const result = await runTass(['provision'], { ...env, GRAPH_CLIENT_SECRET: 'wrong-secret-value' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('sign-in was refused (401 invalid_client)');
    expect(result.stderr).not.toContain('wrong-secret-value');
  });

  it('explains the environment in --help', async () => {
    const result = await runTass(['provision', '--help'], {});
    expect(result.code).toBe(0);
    for (const name of ['SHAREPOINT_SITE_ID', 'GRAPH_TENANT_ID', 'GRAPH_CLIENT_ID', 'GRAPH_CLIENT_SECRET', 'GRAPH_BASE_URL', 'GRAPH_TOKEN_URL', '--dry-run']) {
      expect(result.stdout).toContain(name);
    }
  });

  describe('on a site whose reports were submitted before the published list existed', () => {

    /** Autumn submitted, Spring still a draft; then the published list is emptied, as on a site provisioned before it existed. */
    async function siteWithEarlierSubmissions(): Promise<void> {
      await provisionLists(graph);
      const store = sharePointStoreOn(graph);
      await store.upsertLocality(aLocality());
      const priority = await store.savePriority(aPriority(), 0);
      const second = await store.savePriority(aPriority({ id: 'central-neet', title: 'NEET young people', order: 2 }), 0);
      await store.saveReportWithUpdates(aReport({ term: SAMPLE_TERM, status: 'submitted' }), 0, [
        { update: anUpdate({ priorityId: priority.id, term: SAMPLE_TERM, impactSoFar: items('16 schools signed up to Positive Footsteps') }), expectedVersion: 0 },
        { update: anUpdate({ priorityId: second.id, term: SAMPLE_TERM, title: 'NEET young people' }), expectedVersion: 0 },
      ]);
      await store.saveReportWithUpdates(aReport({ term: NEXT_TERM, status: 'in progress' }), 0, [
        { update: anUpdate({ priorityId: priority.id, term: NEXT_TERM, impactSoFar: items('A draft nobody should see yet') }), expectedVersion: 0 },
      ]);
      await store.close();
      publishedList().items.clear();
    }

    const publishedList = () => graph.site.lists.find((list) => list.displayName === 'TASS Published Updates')!;
    const publishedText = () => JSON.stringify([...publishedList().items.values()].map((item) => item.fields));

    it('publishes the submitted reports, not the drafts, and a second run finds nothing to publish', async () => {
      await siteWithEarlierSubmissions();
      const dryRun = await runTass(['provision', '--dry-run'], env);
      expect(dryRun.code).toBe(0);
      expect(dryRun.stdout).toContain('would      publish the submitted report of central-lancs, Autumn');
      expect(publishedList().items.size).toBe(0);

      const first = await runTass(['provision'], env);
      expect(first.stderr).toBe('');
      expect(first.stdout).toContain('Published list: publishing 1 report(s) submitted before it existed');
      expect(first.stdout).toContain('published  central-lancs, Autumn');
      expect(publishedList().items.size).toBe(2);
      expect(publishedText()).toContain('16 schools signed up to Positive Footsteps');
      expect(publishedText()).not.toContain('A draft nobody should see yet');

      const second = await runTass(['provision'], env);
      expect(second.stdout).toContain('Published list: every submitted report is in it.');
      expect(publishedList().items.size).toBe(2);
    });
  });
});
