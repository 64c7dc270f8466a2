import { fillJsonPlaceholders, placeholderNames, UnfilledPlaceholderError } from '../../src/app-package/fill-placeholders';

describe('fillJsonPlaceholders', () => {
  it.each([
    ['one placeholder', '{"id":"${{TEAMS_APP_ID}}"}', { TEAMS_APP_ID: 'a' }, { id: 'a' }],
    ['spaces inside the braces', '{"id":"${{ TEAMS_APP_ID }}"}', { TEAMS_APP_ID: 'a' }, { id: 'a' }],
    ['the same name twice', '{"a":"${{X}}","b":"x-${{X}}"}', { X: '1' }, { a: '1', b: 'x-1' }],
    ['a value with quotes and a backslash', '{"name":"${{NAME}}"}', { NAME: 'The "TASS" \\ bot' }, { name: 'The "TASS" \\ bot' }],
    ['an empty value that may be empty', '{"short":"TASS${{APP_NAME_SUFFIX}}"}', { APP_NAME_SUFFIX: '' }, { short: 'TASS' }],
  ])('fills %s', (_case, template, values, expected) => {
    expect(JSON.parse(fillJsonPlaceholders(template, values, { allowEmpty: ['APP_NAME_SUFFIX'] }))).toEqual(expected);
  });

  it('lists every missing or empty placeholder once, in order of use', () => {
    const template = '{"a":"${{BOT_ID}}","b":"${{TEAMS_APP_ID}}","c":"${{BOT_ID}}","d":"${{SET}}"}';
    expect(placeholderNames(template)).toEqual(['BOT_ID', 'TEAMS_APP_ID', 'SET']);
    let thrown: unknown;
    try {
      fillJsonPlaceholders(template, { TEAMS_APP_ID: '  ', SET: 'x' }, { files: ['env/.env.dev'] });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UnfilledPlaceholderError);
    expect((thrown as UnfilledPlaceholderError).names).toEqual(['BOT_ID', 'TEAMS_APP_ID']);
    expect((thrown as UnfilledPlaceholderError).message).toBe('no value for ${{BOT_ID}}, ${{TEAMS_APP_ID}}; set them in env/.env.dev');
  });
});
