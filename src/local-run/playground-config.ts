/**
 * The Microsoft 365 Agents Playground's `.m365agentsplayground.yml`: who "Me" is in the
 * playground's chat, and the five other people of its mock tenant. `tass start` writes it from
 * the sample organisation so the chat user is a real sample officer (an EPO, or a manager with
 * `--as manager`); the bot then recognises them by Entra object id exactly as it would in Teams.
 *
 * The playground reads the file once at start and has no user switch of its own, so changing
 * user means restarting with another `--as`. Format: the playground's config schema 0.1.1
 * (exactly five `users`, one personal chat, one group chat, one team with one extra channel).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Officer, Role } from '../domain/model';

/** The file name the playground looks for in its working folder. */
export const PLAYGROUND_CONFIG_FILE = '.m365agentsplayground.yml';

/** Who can be "Me" in the playground. */
export const PLAYGROUND_ROLES = ['epo', 'manager'] as const satisfies readonly Role[];
export type PlaygroundRole = (typeof PLAYGROUND_ROLES)[number];

const TENANT_ID = '00000000-0000-0000-0000-0000000000a1';
const BOT_ID = '00000000-0000-0000-0000-0000000000b1';
const TEAM_GROUP_ID = '00000000-0000-0000-0000-0000000000c1';
const OTHER_USERS = 5;

/** One person in the playground's mock tenant, in the playground's field names. */
export interface PlaygroundUser {
  readonly id: string;
  readonly name: string;
  readonly userPrincipleName: string;
  readonly aadObjectId: string;
  readonly givenName: string;
  readonly surname: string;
  readonly email: string;
}

export class PlaygroundConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlaygroundConfigError';
  }
}

/**
 * The officer the playground chats as: someone with the role and an Entra object id, taking
 * `preferredIds` first (the seeder's main EPO or manager), else the first such officer listed.
 */
export function pickPlaygroundOfficer(officers: readonly Officer[], role: PlaygroundRole, preferredIds: readonly string[] = []): Officer {
  const eligible = officers.filter((candidate) => candidate.roles.includes(role) && candidate.aadObjectId);
  const officer =
    preferredIds.map((id) => eligible.find((candidate) => candidate.id === id)).find((candidate) => candidate !== undefined) ?? eligible[0];
  if (!officer) {
    throw new PlaygroundConfigError(`the database has no ${role === 'epo' ? 'EPO' : 'manager'} with an Entra object id to chat as; run tass start on a fresh --db to seed the sample organisation`);
  }
  return officer;
}

function asPlaygroundUser(officer: Officer, fallbackObjectId: string): PlaygroundUser {
  const parts = officer.name.trim().split(/\s+/);
  const surname = parts.length > 1 ? parts[parts.length - 1] : '';
  return {
    id: `29:tass-${officer.id}`,
    name: officer.name,
    userPrincipleName: officer.email,
    aadObjectId: officer.aadObjectId ?? fallbackObjectId,
    givenName: parts.length > 1 ? parts.slice(0, -1).join(' ') : officer.name,
    surname,
    email: officer.email,
  };
}

/** Pads with clearly fictional colleagues when the organisation has fewer than five others. */
function fillerUser(index: number): PlaygroundUser {
  const number = index + 1;
  return {
    id: `29:tass-colleague-${number}`,
    name: `Sample Colleague ${number}`,
    userPrincipleName: `colleague${number}@example.org`,
    aadObjectId: `00000000-0000-0000-0000-0000000001${String(number).padStart(2, '0')}`,
    givenName: 'Sample',
    surname: `Colleague ${number}`,
    email: `colleague${number}@example.org`,
  };
}

export interface PlaygroundConfigInput {
  readonly me: Officer;
  /** Everyone else; the first five become the playground's other users. */
  readonly others: readonly Officer[];
  readonly botName: string;
}

/** The YAML text of the playground config. Strings are written JSON-quoted, which YAML reads as-is. */
export function renderPlaygroundConfig(input: PlaygroundConfigInput): string {
  const me = asPlaygroundUser(input.me, '00000000-0000-0000-0000-000000000100');
  const others = input.others
    .filter((officer) => officer.id !== input.me.id)
    .slice(0, OTHER_USERS)
    .map((officer, index) => asPlaygroundUser(officer, fillerUser(index).aadObjectId));
  while (others.length < OTHER_USERS) others.push(fillerUser(others.length));
  const quote = (value: string) => JSON.stringify(value);
  const user = (person: PlaygroundUser, indent: string, first: string) =>
    (Object.keys(person) as Array<keyof PlaygroundUser>)
      .map((key, index) => `${index === 0 ? first : indent}${key}: ${quote(person[key])}`)
      .join('\n');
  return [
    '# yaml-language-server: $schema=https://aka.ms/teams-app-test-tool-config/0.1.1/config.schema.json',
    '# Written by `tass start` from the sample organisation; `tass start --as manager` rewrites it.',
    '# The Microsoft 365 Agents Playground reads it at start: "Me" is currentUser.',
    'version: "0.1.1"',
    `tenantId: ${quote(TENANT_ID)}`,
    'bot:',
    `  id: ${quote(BOT_ID)}`,
    `  name: ${quote(input.botName.slice(0, 42))}`,
    'currentUser:',
    user(me, '  ', '  '),
    'users:',
    ...others.map((person) => user(person, '    ', '  - ')),
    'personalChat:',
    `  id: ${quote(`a:tass-personal-${input.me.id}`)}`,
    'groupChat:',
    `  id: ${quote('19:tass-group-chat@thread.v2')}`,
    `  name: ${quote('TASS officers')}`,
    'team:',
    `  id: ${quote('19:tass-team@thread.tacv2')}`,
    `  name: ${quote('TASS')}`,
    `  aadGroupId: ${quote(TEAM_GROUP_ID)}`,
    '  channels:',
    `    - id: ${quote('19:tass-managers@thread.tacv2')}`,
    `      name: ${quote('Managers')}`,
    '',
  ].join('\n');
}

/** Writes the config file (creating its folder); returns its absolute path. */
export function writePlaygroundConfig(file: string, input: PlaygroundConfigInput): string {
  const absolute = path.resolve(file);
  fs.mkdirSync(path.dirname(absolute), { recursive: true });
  fs.writeFileSync(absolute, renderPlaygroundConfig(input));
  return absolute;
}
