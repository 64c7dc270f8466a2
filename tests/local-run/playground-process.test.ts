/**
 * The real Agents Playground started as `tass start` starts it: with our rendered config, the
 * no-op xdg-open (this machine has none), and stopped with its whole process group.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Officer } from '../../src/domain/model';
import { renderPlaygroundConfig } from '../../src/local-run/playground-config';
import { PlaygroundError, startPlayground } from '../../src/local-run/playground-process';
import { assertPortFree, findFreePort, PortTakenError } from '../../src/local-run/port-check';

const ANN: Officer = { id: 'epo-ann', name: 'Ann Smith', email: 'ann@example.org', aadObjectId: '11111111-1111-4111-8111-111111111111', roles: ['epo'], localityIds: ['west-lancs'] };

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function scratch(config: string): Promise<{ dir: string; configFile: string; logFile: string; port: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tass-playground-test-'));
  const configFile = path.join(dir, '.m365agentsplayground.yml');
  fs.writeFileSync(configFile, config);
  return { dir, configFile, logFile: path.join(dir, 'playground.log'), port: await findFreePort() };
}

describe('startPlayground', () => {
  it('serves the playground with our config, then stops its process group and frees the port', async () => {
    const { configFile, logFile, port } = await scratch(renderPlaygroundConfig({ me: ANN, others: [], botName: 'TASS reports' }));
    const playground = await startPlayground({ botEndpoint: 'http://127.0.0.1:9/api/messages', port, configFile, logFile });
    try {
      const page = await fetch(playground.url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      expect(fs.readFileSync(logFile, 'utf8')).not.toContain('Failed to start');
      await expect(assertPortFree(port, undefined, 'the Agents Playground', '--playground-port')).rejects.toThrow(PortTakenError);
    } finally {
      await playground.stop();
    }
    expect(isRunning(playground.pid)).toBe(false);
    await expect(playground.exited).resolves.not.toBe(0);
    await expect(assertPortFree(port, undefined, 'the Agents Playground', '--playground-port')).resolves.toBeUndefined();
  });

  it('reports a config the playground rejects, with its reason, and leaves nothing running', async () => {
    const valid = renderPlaygroundConfig({ me: ANN, others: [], botName: 'TASS reports' });
    const fourUsers = valid.replace(/ {2}- id: "29:tass-colleague-5"[\s\S]*?(?=personalChat:)/, '');
    expect(fourUsers).not.toBe(valid);
    const { configFile, logFile, port } = await scratch(fourUsers);
    const attempt = startPlayground({ botEndpoint: 'http://127.0.0.1:9/api/messages', port, configFile, logFile });
    await expect(attempt).rejects.toThrow(PlaygroundError);
    await expect(attempt).rejects.toThrow(/rejected .*\.m365agentsplayground\.yml: .*users/);
    await expect(assertPortFree(port, undefined, 'the Agents Playground', '--playground-port')).resolves.toBeUndefined();
  });
});
