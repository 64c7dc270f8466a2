/** `--db` and `--store` on a real commander command, opening real SQLite files. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { CliError } from '../../src/cli/cli-error';
import { addStoreOptions, openStoreForCommand, storeConfigForCommand, type StoreCommandOptions } from '../../src/cli/store-options';
import type { Config } from '../../src/config/config';
import type { ReportStore } from '../../src/store/report-store';
import { SqliteReportStore } from '../../src/store/sqlite/sqlite-store';

/** Parses `args` as a command with the store options and returns what the action received. */
function parse(args: string[]): StoreCommandOptions {
  let received: StoreCommandOptions | undefined;
  const command = addStoreOptions(new Command('compile').exitOverride().configureOutput({ writeErr: () => undefined }));
  command.action((options: StoreCommandOptions) => {
    received = options;
  });
  command.parse(args, { from: 'user' });
  if (!received) throw new Error('the action did not run');
  return received;
}

const SHAREPOINT_ENV = {
  TASS_STORE: 'sharepoint',
  SHAREPOINT_SITE_ID: 'contoso.sharepoint.com,1,2',
  GRAPH_TENANT_ID: 't',
  GRAPH_CLIENT_ID: 'c',
  GRAPH_CLIENT_SECRET: 's',
};

describe('store options', () => {
  let folder: string;
  const opened: ReportStore[] = [];

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tass-cli-'));
  });
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  async function openFor(args: string[], env: NodeJS.ProcessEnv, factories = {}): Promise<ReportStore> {
    const store = await openStoreForCommand(parse(args), { env, factories });
    opened.push(store);
    return store;
  }

  it('opens the SQLite file named by --db, over TASS_DB, creating its folder', async () => {
    const dbPath = path.join(folder, 'reports', 'tass.db');
    const store = await openFor(['--db', dbPath], { TASS_DB: path.join(folder, 'other.db') });
    expect(store).toBeInstanceOf(SqliteReportStore);
    await store.upsertLocality({ id: 'preston', name: 'Preston', order: 3 });
    expect(fs.existsSync(dbPath)).toBe(true);
    expect(fs.existsSync(path.join(folder, 'other.db'))).toBe(false);
  });

  it('falls back to TASS_DB, and --store sqlite overrides TASS_STORE', async () => {
    const dbPath = path.join(folder, 'env.db');
    const store = await openFor(['--store', 'sqlite'], { ...SHAREPOINT_ENV, TASS_DB: dbPath });
    expect(store.kind).toBe('sqlite');
    expect(fs.existsSync(dbPath)).toBe(true);
  });

  it('hands --store sharepoint to the SharePoint factory with the loaded configuration', async () => {
    const seen: Config[] = [];
    const standIn = SqliteReportStore.open(':memory:');
    const store = await openFor(['--store', 'sharepoint'], { ...SHAREPOINT_ENV, TASS_STORE: 'sqlite' }, {
      sharepoint: async (config: Config) => {
        seen.push(config);
        return standIn;
      },
    });
    expect(store).toBe(standIn);
    expect(seen[0]).toMatchObject({ store: 'sharepoint', graph: { siteId: 'contoso.sharepoint.com,1,2' } });
  });

  it.each([
    ['SharePoint without its settings', ['--store', 'sharepoint'], {}, /SHAREPOINT_SITE_ID: required when TASS_STORE=sharepoint/],
  ])('explains %s in one line', async (_label, args, env, message) => {
    await expect(openFor(args, env)).rejects.toBeInstanceOf(CliError);
    await expect(openFor(args, env)).rejects.toThrow(message);
  });

  it('opens the real SharePoint store when no factory is given, without calling Graph until used', async () => {
    const store = await openFor(['--store', 'sharepoint'], SHAREPOINT_ENV);
    expect(store.kind).toBe('sharepoint');
    await store.close();
  });

  it('explains a --db that is not a TASS database', async () => {
    const notes = path.join(folder, 'notes.txt');
    fs.writeFileSync(notes, 'Priority\nIntended Outcomes\n'.repeat(100));
    await expect(openFor(['--db', notes], {})).rejects.toBeInstanceOf(CliError);
    await expect(openFor(['--db', notes], {})).rejects.toThrow(`${notes} is not a TASS database`);
  });

  it('refuses a --store that does not exist', () => {
    expect(() => parse(['--store', 'postgres'])).toThrow(/Allowed choices are sqlite, sharepoint/);
  });

  it('gives commands the configuration with the same overrides', () => {
    const config = storeConfigForCommand({ db: 'relative/tass.db' }, { TASS_DATA_DIR: folder });
    expect(config.dbPath).toBe(path.resolve('relative/tass.db'));
    expect(config.dataDir).toBe(folder);
    expect(config.store).toBe('sqlite');
  });
});
