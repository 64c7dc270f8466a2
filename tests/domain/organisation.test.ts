/** The organisation rules: locality names, officers, their changes and stable ids. */
import type { Officer } from '../../src/domain/model';
import {
  changeOfficer,
  findLocalityByName,
  newLocality,
  newOfficer,
  officerProblems,
  OrganisationRuleError,
  renameLocality,
  stableIdFrom,
  type OfficerChange,
  type OfficerDraft,
} from '../../src/domain/organisation';
import { aLocality, anOfficer } from '../support/builders';

const localities = [aLocality(), aLocality({ id: 'preston', name: 'Preston', order: 3 })];
const alison = anOfficer();
const context = { localities, officers: [alison] };
const claire: OfficerDraft = { name: 'Claire Fox', email: 'claire.fox@lancashire.gov.uk', roles: ['epo'], localityIds: ['preston'] };

describe('stableIdFrom', () => {
  it.each([
    ['West Lancashire', [], 'west-lancashire'],
    ['  West\u00a0Lancashire ', [], 'west-lancashire'],
    ['Burnley & Pendle', [], 'burnley-and-pendle'],
    ['Ynys Môn', [], 'ynys-mon'],
    ['Preston', ['preston'], 'preston-2'],
    ['Preston', ['Preston', 'preston-2'], 'preston-3'],
    ['!!!', [], 'item'],
  ])('%j with %j taken -> %s', (name, taken, expected) => {
    expect(stableIdFrom(name, taken)).toBe(expected);
  });
});

describe('localities', () => {
  it.each([
    ['West Lancashire', undefined, { id: 'west-lancashire', name: 'West Lancashire', order: 4 }],
    [' Chorley  and South Ribble ', 1, { id: 'chorley-and-south-ribble', name: 'Chorley and South Ribble', order: 1 }],
  ])('adds %j (order %j)', (name, order, expected) => {
    expect(newLocality(name, localities, order)).toEqual(expected);
  });

  it.each([
    ['P', 'must be 2 to 80 characters long, not 1'],
    ['x'.repeat(81), 'must be 2 to 80 characters long, not 81'],
    ['PRESTON', 'there is already a locality called "Preston"'],
    [' central\u00a0lancs ', 'there is already a locality called "Central Lancs"'],
  ])('refuses %j', (name, problem) => {
    expect(() => newLocality(name, localities)).toThrow(problem);
  });

  it('refuses an order that is not a whole number', () => {
    expect(() => newLocality('Wyre', localities, -1)).toThrow(OrganisationRuleError);
  });

  it('renames keeping the id, and may change only the case of its own name', () => {
    expect(renameLocality(localities[1], 'Preston City', localities)).toEqual({ id: 'preston', name: 'Preston City', order: 3 });
    expect(renameLocality(localities[1], 'PRESTON', localities).name).toBe('PRESTON');
    expect(() => renameLocality(localities[1], 'central lancs', localities)).toThrow('already a locality called "Central Lancs"');
  });

  it.each([['preston'], ['PRESTON'], [' Preston ']])('finds %j', (text) => {
    expect(findLocalityByName(localities, text)?.id).toBe('preston');
  });
});

describe('officers', () => {
  it('adds a valid officer with tidy name, roles in order and localities once', () => {
    const officer = newOfficer('officer-1', { ...claire, name: ' Claire  Fox ', roles: ['manager', 'epo', 'epo'], localityIds: ['preston', 'preston'] }, context);
    expect(officer).toEqual({ id: 'officer-1', name: 'Claire Fox', email: 'claire.fox@lancashire.gov.uk', roles: ['epo', 'manager'], localityIds: ['preston'] });
  });

  it.each<[string, Partial<OfficerDraft>, string]>([
    ['a one-letter name', { name: 'C' }, 'a name must be 2 to 120 characters long'],
    ['an email without @', { email: 'claire.fox' }, '"claire.fox" is not an email address'],
    ['an email with a space', { email: 'claire fox@lancashire.gov.uk' }, 'is not an email address'],
    ['a taken email in another case', { email: 'ALISON.WALSH@lancashire.gov.uk' }, 'another officer already has the email'],
    ['an unknown role', { roles: ['boss'] }, '"boss" is not a role'],
    ['no role', { roles: [] }, 'an officer needs at least one role'],
    ['an unknown locality', { localityIds: ['wyre'] }, 'there is no locality "wyre"'],
    ['an EPO with no locality', { localityIds: [] }, 'an EPO must serve at least one locality'],
    ['a manager with no locality', { roles: ['manager'], localityIds: [] }, 'a manager must manage at least one locality'],
    ['a malformed Entra id', { aadObjectId: 'not-a-guid' }, 'is not an Entra object id'],
    ['a taken Entra id', { aadObjectId: alison.aadObjectId?.toUpperCase() }, 'another officer already has that Entra object id'],
  ])('refuses %s', (_label, change, problem) => {
    expect(officerProblems({ ...claire, ...change }, context)).toEqual(expect.arrayContaining([expect.stringContaining(problem)]));
    expect(() => newOfficer('officer-1', { ...claire, ...change }, context)).toThrow(OrganisationRuleError);
  });

  it.each<[string, Partial<OfficerDraft>]>([
    ['a partner with no locality', { roles: ['partner'], localityIds: [] }],
    ['an admin with no locality', { roles: ['admin'], localityIds: [] }],
  ])('accepts %s', (_label, change) => {
    expect(officerProblems({ ...claire, ...change }, context)).toEqual([]);
  });
});

describe('changing an officer', () => {
  const both: Officer = { ...alison, roles: ['epo', 'manager'], localityIds: ['central-lancs', 'preston'] };

  it.each<[string, OfficerChange, Partial<Officer>]>([
    ['adds a locality', { addLocalityIds: ['preston'] }, { localityIds: ['central-lancs', 'preston'] }],
    ['adds a role', { addRoles: ['admin'] }, { roles: ['epo', 'admin'] }],
    ['adds and removes roles typed in capitals', { addRoles: [' Manager'], removeRoles: ['EPO'] }, { roles: ['manager'] }],
    ['renames, keeping the email', { name: 'Alison Walsh-Hale' }, { name: 'Alison Walsh-Hale' }],
    ['changes only the case of its own email', { email: 'Alison.Walsh@lancashire.gov.uk' }, { email: 'Alison.Walsh@lancashire.gov.uk' }],
    ['moves locality', { addLocalityIds: ['preston'], removeLocalityIds: ['central-lancs'] }, { localityIds: ['preston'] }],
  ])('%s', (_label, change, expected) => {
    expect(changeOfficer(alison, change, context)).toEqual({ ...alison, ...expected });
  });

  it('keeps the Entra object id as stored, even one an admin could not type', () => {
    const fromTeams: Officer = { ...alison, aadObjectId: 'aad-ann' };
    expect(changeOfficer(fromTeams, { addRoles: ['admin'] }, context)).toEqual({ ...fromTeams, roles: ['epo', 'admin'] });
  });

  it('stores a typed Entra object id in lower case, as Teams sends it', () => {
    expect(newOfficer('officer-1', { ...claire, aadObjectId: 'AB2B8C1E-5D4A-4E6F-9A7B-2C1D0E9F8A71' }, context).aadObjectId).toBe('ab2b8c1e-5d4a-4e6f-9a7b-2c1d0e9f8a71');
  });

  it.each<[string, Officer, OfficerChange, string]>([
    ['removing an EPO\'s last locality', alison, { removeLocalityIds: ['central-lancs'] }, 'an EPO must serve at least one locality'],
    ['removing a role they do not have', alison, { removeRoles: ['manager'] }, 'does not have the role "manager"'],
    ['removing a locality they are not linked to', alison, { removeLocalityIds: ['preston'] }, 'is not linked to the locality "preston"'],
    ['removing every role', both, { removeRoles: ['epo', 'manager'] }, 'at least one role'],
    ['taking another officer\'s email', { ...both, id: 'officer-2', email: 'b@lancashire.gov.uk' }, { email: alison.email }, 'another officer already has the email'],
  ])('refuses %s', (_label, officer, change, problem) => {
    expect(() => changeOfficer(officer, change, context)).toThrow(problem);
  });
});
