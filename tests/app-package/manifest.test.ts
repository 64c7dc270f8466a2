/**
 * The Teams app package: the filled manifest passes the newest Teams schema that
 * @microsoft/app-manifest ships, the icons are the sizes and colours Teams asks for, and the
 * zip holds exactly the manifest and the two icons at its root.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { AppPackageError, buildAppPackage, type BuiltAppPackage } from '../../src/app-package/build-package';
import { UnfilledPlaceholderError } from '../../src/app-package/fill-placeholders';
import { BRAND_COLOUR, colourIconPainter, outlineIconPainter, renderIcon } from '../../src/app-package/draw-icons';

const ROOT = path.resolve(__dirname, '../../..');
const APP_PACKAGE_DIR = path.join(ROOT, 'appPackage');
const SCHEMAS_DIR = path.join(ROOT, 'node_modules/@microsoft/app-manifest/build/json-schemas/teams');

/** What `m365agents provision` writes into env/.env.dev.user after creating the app, bot and Azure resources. */
const PROVISIONED = {
  TEAMS_APP_ID: '5b0f3a4e-8c1d-4e2f-9a7b-1c2d3e4f5a6b',
  BOT_ID: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  BOT_DOMAIN: 'tass-bot-dev.azurewebsites.net',
};

function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A copy of the committed env/.env.dev with a .user file holding the provisioned values. */
function provisionedEnvDir(values: Record<string, string> = PROVISIONED): string {
  const envDir = tempDir('tass-env-');
  fs.copyFileSync(path.join(ROOT, 'env/.env.dev'), path.join(envDir, '.env.dev'));
  const lines = Object.entries(values).map(([name, value]) => `${name}=${value}`);
  fs.writeFileSync(path.join(envDir, '.env.dev.user'), `${lines.join('\n')}\n`);
  return envDir;
}

function newestShippedSchemaVersion(): string {
  const versions = fs
    .readdirSync(SCHEMAS_DIR)
    .filter((name) => /^v\d+\.\d+$/.test(name))
    .map((name) => name.slice(1));
  return versions.sort((a, b) => {
    const [aMajor, aMinor] = a.split('.').map(Number);
    const [bMajor, bMinor] = b.split('.').map(Number);
    return aMajor - bMajor || aMinor - bMinor;
  })[versions.length - 1];
}

function readPng(file: string): PNG {
  return PNG.sync.read(fs.readFileSync(file));
}

/** Width and height straight from the IHDR chunk, as Teams' validator reads them. */
function pngHeaderSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function pixels(png: PNG): Array<[number, number, number, number]> {
  const result: Array<[number, number, number, number]> = [];
  for (let offset = 0; offset < png.data.length; offset += 4) {
    result.push([png.data[offset], png.data[offset + 1], png.data[offset + 2], png.data[offset + 3]]);
  }
  return result;
}

describe('the Teams app package', () => {
  let built: BuiltAppPackage;
  let outputDir: string;

  beforeAll(async () => {
    outputDir = tempDir('tass-package-');
    built = await buildAppPackage({ appPackageDir: APP_PACKAGE_DIR, envDir: provisionedEnvDir(), env: 'dev', outputDir });
  });

  it('uses the newest manifest version whose schema @microsoft/app-manifest ships', () => {
    expect(built.manifest.manifestVersion).toBe(newestShippedSchemaVersion());
    expect(built.manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${newestShippedSchemaVersion()}/MicrosoftTeams.schema.json`,
    );
  });

  it('fills a manifest that is valid against that schema', () => {
    const schemaPath = path.join(SCHEMAS_DIR, `v${String(built.manifest.manifestVersion)}`, 'MicrosoftTeams.schema.json');
    const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
    const ajv = new Ajv04({ allErrors: true, strictTypes: false, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const valid = validate(built.manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('fills every placeholder from the env file and its .user file', () => {
    const text = JSON.stringify(built.manifest);
    expect(text).not.toContain('${{');
    expect(built.manifest.id).toBe(PROVISIONED.TEAMS_APP_ID);
    expect(built.manifest.bots[0].botId).toBe(PROVISIONED.BOT_ID);
    expect(built.manifest.validDomains).toEqual([PROVISIONED.BOT_DOMAIN]);
    expect(built.manifest.developer).toMatchObject({ name: 'Lancashire County Council' });
    expect(built.envFiles.map((file) => path.basename(file))).toEqual(['.env.dev', '.env.dev.user']);
  });

  it('offers the bot in personal scope, without files, with the compose-box commands', () => {
    const [bot] = built.manifest.bots as unknown as Array<{ scopes: string[]; supportsFiles: boolean; commandLists: Array<{ commands: Array<{ title: string }> }> }>;
    expect(bot.scopes).toEqual(['personal']);
    expect(bot.supportsFiles).toBe(false);
    expect(bot.commandLists[0].commands.map((command) => command.title)).toEqual(['help', 'start', 'status', 'report', 'outcomes']);
    expect(built.manifest.accentColor).toBe(BRAND_COLOUR);
  });

  it('zips exactly manifest.json and the two icons at the root', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(built.zipPath));
    expect(path.basename(built.zipPath)).toBe('appPackage.dev.zip');
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifestText = await zip.file('manifest.json')!.async('string');
    expect(JSON.parse(manifestText)).toEqual(built.manifest);
    for (const icon of ['color.png', 'outline.png']) {
      const inZip = await zip.file(icon)!.async('nodebuffer');
      expect(inZip.equals(fs.readFileSync(path.join(APP_PACKAGE_DIR, icon)))).toBe(true);
    }
  });

  it('gives the same bytes when built twice from the same inputs', async () => {
    const first = fs.readFileSync(built.zipPath);
    const again = await buildAppPackage({ appPackageDir: APP_PACKAGE_DIR, envDir: provisionedEnvDir(), env: 'dev', outputDir: tempDir('tass-package-') });
    expect(fs.readFileSync(again.zipPath).equals(first)).toBe(true);
  });
});

describe('the icons', () => {
  it.each([
    ['color.png', 192],
    ['outline.png', 32],
  ])('%s is %i pixels square', (icon, size) => {
    expect(pngHeaderSize(path.join(APP_PACKAGE_DIR, icon))).toEqual({ width: size, height: size });
  });

  it('outline.png is white on transparent: every visible pixel is white, the corners are clear', () => {
    const png = readPng(path.join(APP_PACKAGE_DIR, 'outline.png'));
    const all = pixels(png);
    const visible = all.filter(([, , , alpha]) => alpha > 0);
    expect(visible.filter(([red, green, blue]) => red !== 255 || green !== 255 || blue !== 255)).toEqual([]);
    expect(visible.length).toBeGreaterThan(all.length * 0.15);
    expect(all.filter(([, , , alpha]) => alpha === 0).length).toBeGreaterThan(all.length * 0.3);
    expect(all[0][3]).toBe(0);
  });

  it('color.png is full colour: mostly the council colour, opaque in the middle, with a white mark', () => {
    const png = readPng(path.join(APP_PACKAGE_DIR, 'color.png'));
    const all = pixels(png);
    const brand = [1, 3, 5].map((start) => Number.parseInt(BRAND_COLOUR.slice(start, start + 2), 16));
    const isBrand = ([red, green, blue, alpha]: number[]) => alpha === 255 && red === brand[0] && green === brand[1] && blue === brand[2];
    const isWhite = ([red, green, blue, alpha]: number[]) => alpha === 255 && red === 255 && green === 255 && blue === 255;
    expect(all.filter(isBrand).length).toBeGreaterThan(all.length * 0.5);
    expect(all.filter(isWhite).length).toBeGreaterThan(all.length * 0.08);
    const centre = (96 * 192 + 96) * 4;
    expect(png.data[centre + 3]).toBe(255);
  });

  it.each([
    ['color.png', () => renderIcon(colourIconPainter(), 192)],
    ['outline.png', () => renderIcon(outlineIconPainter(), 32)],
  ])('the committed %s is what src/app-package/draw-icons.ts draws', (icon, draw) => {
    expect(draw().equals(fs.readFileSync(path.join(APP_PACKAGE_DIR, icon)))).toBe(true);
  });
});

describe('building with values missing or wrong', () => {
  const { BOT_ID: _omitted, ...withoutBotId } = PROVISIONED;

  it('names every unfilled placeholder and the files it read', async () => {
    const envDir = provisionedEnvDir({ TEAMS_APP_ID: PROVISIONED.TEAMS_APP_ID });
    const attempt = buildAppPackage({ appPackageDir: APP_PACKAGE_DIR, envDir, env: 'dev', outputDir: tempDir('tass-package-') });
    await expect(attempt).rejects.toThrow(UnfilledPlaceholderError);
    await expect(attempt).rejects.toThrow(/\$\{\{BOT_ID\}\}, \$\{\{BOT_DOMAIN\}\}; set them in .*\.env\.dev or .*\.env\.dev\.user/);
  });

  it.each([
    ['a bot id that is not a GUID', { ...withoutBotId, BOT_ID: 'tass-bot' }, /bots\.0\.botId: must be a GUID/],
    ['a domain with its scheme', { ...PROVISIONED, BOT_DOMAIN: 'https://tass.example.org/api' }, /validDomains\.0: must be a host name/],
    ['an app id that is not a GUID', { ...PROVISIONED, TEAMS_APP_ID: '1234' }, /id: must be a GUID/],
  ])('refuses %s', async (_case, values, message) => {
    const attempt = buildAppPackage({ appPackageDir: APP_PACKAGE_DIR, envDir: provisionedEnvDir(values), env: 'dev', outputDir: tempDir('tass-package-') });
    await expect(attempt).rejects.toThrow(AppPackageError);
    await expect(attempt).rejects.toThrow(message);
  });

  it('refuses an environment that has no file, listing the ones there are', async () => {
    await expect(buildAppPackage({ appPackageDir: APP_PACKAGE_DIR, envDir: path.join(ROOT, 'env'), env: 'prod' })).rejects.toThrow(
      /\.env\.prod does not exist; environments here: dev, local/,
    );
  });
});
