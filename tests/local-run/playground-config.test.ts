import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import type { Officer } from '../../src/domain/model';
import {
  pickPlaygroundOfficer,
  PlaygroundConfigError,
  renderPlaygroundConfig,
  writePlaygroundConfig,
  type PlaygroundUser,
} from '../../src/local-run/playground-config';

function officer(id: string, name: string, roles: Officer['roles'], aadObjectId?: string): Officer {
  return { id, name, email: `${id}@example.org`, aadObjectId, roles, localityIds: ['west-lancs'] };
}

const ANN = officer('epo-ann', 'Ann Smith', ['epo'], '11111111-1111-4111-8111-111111111111');
const BOB = officer('mgr-bob', 'Bob Jones', ['manager'], '22222222-2222-4222-8222-222222222222');
const NOT_YET_SEEN = officer('epo-cat', 'Cat Brown', ['epo']);
const TRICKY = officer('epo-dee', 'Dee "DJ" O\'Neill: Jr #2', ['epo', 'manager'], '33333333-3333-4333-8333-333333333333');

interface ParsedConfig {
  version: string;
  currentUser: PlaygroundUser;
  users: PlaygroundUser[];
  bot: { id: string; name: string };
  personalChat: { id: string };
  team: { channels: Array<{ id: string; name: string }> };
}

describe('pickPlaygroundOfficer', () => {
  it.each([
    ['epo', [NOT_YET_SEEN, ANN, BOB], ANN],
    ['manager', [NOT_YET_SEEN, ANN, BOB], BOB],
    ['manager', [TRICKY, BOB], TRICKY],
  ] as const)('chats as the first %s with an Entra object id', (role, officers, expected) => {
    expect(pickPlaygroundOfficer(officers, role)).toBe(expected);
  });

  it.each([
    ['the preferred one', ['mgr-bob', 'epo-dee'], TRICKY],
    ['the next preferred when the first has no Entra object id', ['epo-cat', 'epo-dee'], TRICKY],
    ['the first listed when no preferred one qualifies', ['epo-cat', 'nobody'], ANN],
  ] as const)('with preferred ids, takes %s', (_case, preferred, expected) => {
    expect(pickPlaygroundOfficer([NOT_YET_SEEN, ANN, BOB, TRICKY], 'epo', preferred)).toBe(expected);
  });

  it('says what to do when there is nobody to chat as', () => {
    expect(() => pickPlaygroundOfficer([NOT_YET_SEEN, BOB], 'epo')).toThrow(PlaygroundConfigError);
    expect(() => pickPlaygroundOfficer([NOT_YET_SEEN, BOB], 'epo')).toThrow(/no EPO with an Entra object id/);
  });
});

describe('renderPlaygroundConfig', () => {
  it.each([
    ['fewer than five others: padded with sample colleagues', [BOB], ['Bob Jones', 'Sample Colleague 2', 'Sample Colleague 3', 'Sample Colleague 4', 'Sample Colleague 5']],
    [
      'more than five others: the first five',
      ['a', 'b', 'c', 'd', 'e', 'f'].map((letter) => officer(`o-${letter}`, `Officer ${letter.toUpperCase()}`, ['epo'], `00000000-0000-4000-8000-00000000000${letter}`)),
      ['Officer A', 'Officer B', 'Officer C', 'Officer D', 'Officer E'],
    ],
    ['me among the others: left out of them', [ANN, BOB], ['Bob Jones', 'Sample Colleague 2', 'Sample Colleague 3', 'Sample Colleague 4', 'Sample Colleague 5']],
  ])('writes exactly five other users, as the playground requires (%s)', (_case, others, names) => {
    const config = parse(renderPlaygroundConfig({ me: ANN, others, botName: 'TASS reports' })) as ParsedConfig;
    expect(config.users.map((user) => user.name)).toEqual(names);
    const ids = [config.currentUser.id, ...config.users.map((user) => user.id)];
    expect(new Set(ids).size).toBe(6);
  });

  it('makes the chosen officer "Me", with their Entra object id and email, in their own personal chat', () => {
    const config = parse(renderPlaygroundConfig({ me: ANN, others: [BOB], botName: 'TASS reports' })) as ParsedConfig;
    expect(config.version).toBe('0.1.1');
    expect(config.currentUser).toEqual({
      id: '29:tass-epo-ann',
      name: 'Ann Smith',
      userPrincipleName: 'epo-ann@example.org',
      aadObjectId: ANN.aadObjectId,
      givenName: 'Ann',
      surname: 'Smith',
      email: 'epo-ann@example.org',
    });
    expect(config.personalChat.id).toBe('a:tass-personal-epo-ann');
    expect(config.bot.name).toBe('TASS reports');
    expect(config.team.channels).toHaveLength(1);
  });

  it('keeps names with quotes, colons and hashes intact', () => {
    const config = parse(renderPlaygroundConfig({ me: TRICKY, others: [ANN], botName: 'TASS reports' })) as ParsedConfig;
    expect(config.currentUser.name).toBe(TRICKY.name);
    expect(config.currentUser.surname).toBe('#2');
  });

  it('writes the file, creating its folder', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tass-pg-')), 'nested', '.m365agentsplayground.yml');
    expect(writePlaygroundConfig(file, { me: ANN, others: [BOB], botName: 'TASS reports' })).toBe(file);
    expect(fs.readFileSync(file, 'utf8')).toBe(renderPlaygroundConfig({ me: ANN, others: [BOB], botName: 'TASS reports' }));
  });
});
