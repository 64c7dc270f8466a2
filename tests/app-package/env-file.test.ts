import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EnvFileError, listEnvironments, parseEnvFile, readAppEnvironment } from '../../src/app-package/env-file';

describe('parseEnvFile', () => {
  it.each([
    ['a plain value', 'BOT_ID=abc', { BOT_ID: 'abc' }],
    ['an empty value', 'BOT_ID=', { BOT_ID: '' }],
    ['a double-quoted value keeps its spaces', 'APP_NAME_SUFFIX=" (local)"', { APP_NAME_SUFFIX: ' (local)' }],
    ['a single-quoted value is taken as written', "NAME='a \"b\" # c'", { NAME: 'a "b" # c' }],
    ['a trailing comment after an unquoted value', 'BOT_DOMAIN=tass.example.org # from provision', { BOT_DOMAIN: 'tass.example.org' }],
    ['comments, blank lines and CRLF', '# heading\r\n\r\nA=1\r\n  # indented\r\nB = 2', { A: '1', B: '2' }],
    ['an export prefix', 'export A=1', { A: '1' }],
    ['a later line wins', 'A=1\nA=2', { A: '2' }],
  ])('reads %s', (_case, text, expected) => {
    expect(parseEnvFile(text)).toEqual(expected);
  });

  it.each([
    ['a line without =', 'BOT_ID abc', /env:1: expected NAME=value/],
    ['an unclosed quote', 'A="open', /env:1: the value's closing " is missing/],
  ])('rejects %s', (_case, text, message) => {
    expect(() => parseEnvFile(text, 'env')).toThrow(EnvFileError);
    expect(() => parseEnvFile(text, 'env')).toThrow(message);
  });
});

describe('readAppEnvironment', () => {
  it('puts the .user file on top of the committed one and lists both', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tass-env-'));
    fs.writeFileSync(path.join(dir, '.env.dev'), 'BOT_ID=\nCOUNCIL_NAME=Council\n');
    fs.writeFileSync(path.join(dir, '.env.dev.user'), 'BOT_ID=0a1b\nSECRET_BOT_PASSWORD=s3cret\n');
    fs.writeFileSync(path.join(dir, '.env.local'), 'BOT_ID=\n');
    const environment = readAppEnvironment(dir, 'dev');
    expect(environment.values).toEqual({ BOT_ID: '0a1b', COUNCIL_NAME: 'Council', SECRET_BOT_PASSWORD: 's3cret' });
    expect(environment.files).toEqual([path.join(dir, '.env.dev'), path.join(dir, '.env.dev.user')]);
    expect(listEnvironments(dir)).toEqual(['dev', 'local']);
  });

  it.each([['../etc'], ['dev/x'], ['']])('refuses the environment name %p', (name) => {
    expect(() => readAppEnvironment(os.tmpdir(), name)).toThrow(/is not an environment name/);
  });
});
