/**
 * No Bicep compiler or Agents Toolkit runs here, so this checks what they would trip over and
 * what they cannot see: the parameters file against main.bicep, each module call against the
 * module, every `${{NAME}}` against where its value comes from, and the Web App's settings and
 * start command against the code that reads them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { buildProgram } from '../../src/cli/main';
import { parseEnvFile } from '../../src/app-package/env-file';
import { placeholderNames } from '../../src/app-package/fill-placeholders';

const ROOT = path.resolve(__dirname, '../../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

interface BicepParam {
  readonly name: string;
  readonly hasDefault: boolean;
}

/** `param name type [= default]` declarations, top level only. */
function bicepParams(text: string): BicepParam[] {
  return [...text.matchAll(/^param (\w+) [^\n=]+?( =.*)?$/gm)].map((match) => ({ name: match[1], hasDefault: match[2] !== undefined }));
}

function bicepOutputs(text: string): string[] {
  return [...text.matchAll(/^output (\w+) /gm)].map((match) => match[1]);
}

/** Each `module x 'path' = { ... params: { key: ... } }` with the keys it passes. */
function moduleCalls(text: string): Array<{ name: string; file: string; params: string[] }> {
  return [...text.matchAll(/^module (\w+) '([^']+)' = \{\n([\s\S]*?)\n\}/gm)].map((match) => {
    const params = /^ {2}params: \{\n([\s\S]*?)\n {2}\}/m.exec(match[3])?.[1] ?? '';
    return { name: match[1], file: match[2], params: [...params.matchAll(/^ {4}(\w+):/gm)].map((key) => key[1]) };
  });
}

const mainBicep = read('infra/main.bicep');
const parametersFile = JSON.parse(read('infra/main.parameters.json')) as { parameters: Record<string, unknown> };
const agentsYaml = read('m365agents.yml');
const agentsProject = parse(agentsYaml) as Record<string, Array<{ uses: string; writeToEnvironmentFile?: Record<string, string> }>>;
const devEnv = parseEnvFile(read('env/.env.dev'));

/** What provision writes into the env files before a later step reads it. */
const writtenByProvision = [
  ...agentsProject.provision.flatMap((action) => Object.values(action.writeToEnvironmentFile ?? {})),
  ...bicepOutputs(mainBicep),
];

describe('infra/main.bicep and its parameters file', () => {
  it('declares every parameter the file sets, and the file sets every parameter without a default', () => {
    const declared = bicepParams(mainBicep);
    const set = Object.keys(parametersFile.parameters);
    expect(set.filter((name) => !declared.some((param) => param.name === name))).toEqual([]);
    expect(declared.filter((param) => !param.hasDefault && !set.includes(param.name)).map((param) => param.name)).toEqual([]);
  });

  it.each(moduleCalls(mainBicep).map((call) => [call.name, call] as const))('calls module %s with exactly the parameters it declares', (_name, call) => {
    const file = path.join(ROOT, 'infra', call.file);
    expect(fs.existsSync(file)).toBe(true);
    const declared = bicepParams(fs.readFileSync(file, 'utf8'));
    expect(call.params.filter((key) => !declared.some((param) => param.name === key))).toEqual([]);
    expect(declared.filter((param) => !param.hasDefault && !call.params.includes(param.name)).map((param) => param.name)).toEqual([]);
  });

  it('calls all five modules', () => {
    expect(moduleCalls(mainBicep).map((call) => call.file).sort()).toEqual(
      ['bot-service', 'key-vault-access', 'key-vault', 'storage', 'web-app'].map((name) => `modules/${name}.bicep`).sort(),
    );
  });
});

describe('where every ${{NAME}} gets its value', () => {
  it.each([
    ['infra/main.parameters.json', read('infra/main.parameters.json')],
    ['m365agents.yml', agentsYaml],
    ['appPackage/manifest.json', read('appPackage/manifest.json')],
  ])('%s uses only names that env/.env.dev has or provision writes', (_file, text) => {
    const unknown = placeholderNames(text).filter((name) => !(name in devEnv) && !writtenByProvision.includes(name));
    expect(unknown).toEqual([]);
  });

  it('keeps secrets out of the committed env file: the toolkit writes SECRET_ names to .user', () => {
    expect(Object.keys(devEnv).filter((name) => name.startsWith('SECRET_') || /PASSWORD|CLIENT_SECRET/.test(name))).toEqual([]);
    expect(writtenByProvision).toContain('SECRET_BOT_PASSWORD');
  });
});

describe('m365agents.yml', () => {
  it('provisions and deploys with the actions the toolkit knows, in order', () => {
    expect(agentsProject.provision.map((action) => action.uses)).toEqual([
      'teamsApp/create',
      'aadApp/create',
      'arm/deploy',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
    expect(agentsProject.deploy.map((action) => action.uses)).toEqual(['cli/runNpmCommand', 'cli/runNpmCommand', 'azureAppService/zipDeploy']);
  });

  it('deploys main.bicep with main.parameters.json, and its ignore file exists', () => {
    expect(agentsYaml).toContain('path: ./infra/main.bicep');
    expect(agentsYaml).toContain('parameters: ./infra/main.parameters.json');
    expect(fs.existsSync(path.join(ROOT, '.webappignore'))).toBe(true);
    expect(read('.webappignore').split('\n')).toEqual(expect.arrayContaining(['node_modules/', 'dist/', 'env/']));
  });
});

describe('the Web App runs what the code provides', () => {
  const webApp = read('infra/modules/web-app.bicep');

  it('starts `tass serve` from the built CLI on Node 20', () => {
    expect(webApp).toContain("linuxFxVersion: 'NODE|20-lts'");
    const command = /appCommandLine: 'node (\S+) (\w+)'/.exec(webApp);
    expect(command?.[1]).toBe((JSON.parse(read('package.json')) as { bin: { tass: string } }).bin.tass);
    expect(buildProgram().commands.map((subcommand) => subcommand.name())).toContain(command?.[2]);
  });

  it('sets only settings that src/config/config.ts reads (plus App Service\'s own)', () => {
    const settings = [...webApp.matchAll(/name: '([A-Za-z_]+)'\n\s+value:/g)].map((match) => match[1]);
    const configSource = read('src/config/config.ts');
    const appServiceOwn = ['SCM_DO_BUILD_DURING_DEPLOYMENT', 'TZ'];
    expect(settings.length).toBeGreaterThan(10);
    expect(settings.filter((name) => !appServiceOwn.includes(name) && !configSource.includes(`'${name}'`))).toEqual([]);
  });

  it('gives secrets only as Key Vault references', () => {
    for (const secret of ['MicrosoftAppPassword', 'GRAPH_CLIENT_SECRET']) {
      expect(webApp).toMatch(new RegExp(`name: '${secret}'\\n\\s+value: botSecretReference`));
    }
    expect(webApp).toContain("'@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${botSecretName})'");
  });
});
