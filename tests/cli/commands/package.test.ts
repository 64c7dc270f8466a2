import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { projectRoot } from '../../support/report-round-trip';
import { runTass } from '../../support/run-tass-cli';

describe('tass package', () => {
  let dir: string;
  let envDir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tass-cli-package-'));
    envDir = path.join(dir, 'env');
    fs.mkdirSync(envDir);
    fs.copyFileSync(path.join(projectRoot(), 'env/.env.dev'), path.join(envDir, '.env.dev'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('builds appPackage.<env>.zip from the env file and its .user file', async () => {
    fs.writeFileSync(
      path.join(envDir, '.env.dev.user'),
      'TEAMS_APP_ID=5b0f3a4e-8c1d-4e2f-9a7b-1c2d3e4f5a6b\nBOT_ID=0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\nBOT_DOMAIN=tass-dev.azurewebsites.net\n',
    );
    const run = await runTass(['package', '--env', 'dev', '--env-dir', envDir, '--out', dir], { cwd: projectRoot() });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Built .*appPackage\.dev\.zip \(manifest\.json, color\.png, outline\.png\)$/m);
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, 'appPackage.dev.zip')));
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as { bots: Array<{ botId: string }> };
    expect(manifest.bots[0].botId).toBe('0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d');
  });

  it('names every unfilled placeholder in one line and writes nothing', async () => {
    const run = await runTass(['package', '--env', 'dev', '--env-dir', envDir, '--out', dir], { cwd: projectRoot() });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `tass: cannot build the app package: no value for \${{TEAMS_APP_ID}}, \${{BOT_ID}}, \${{BOT_DOMAIN}}; set them in ${path.join(envDir, '.env.dev')}\n`,
    );
    expect(fs.existsSync(path.join(dir, 'appPackage.dev.zip'))).toBe(false);
  });
});
