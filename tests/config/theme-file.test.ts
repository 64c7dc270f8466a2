/** A council's theme list from TASS_THEMES: read from a real file, with every problem listed at once. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/config';
import { loadThemes, parseThemeFile, ThemeFileError } from '../../src/config/theme-file';
import { DEFAULT_THEMES } from '../../src/domain/themes';

const YOUTH_VOICE = { id: 'youth-voice', name: 'Youth voice', keywords: ['youth council', 'pupil voice'] };

/** The problems a ThemeFileError lists, or a failure when nothing is thrown. */
function problemsOf(load: () => unknown): readonly string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof ThemeFileError) return error.problems;
    throw error;
  }
  throw new Error('the theme list was accepted');
}

describe('theme file', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tass-themes-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function write(name: string, text: string): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  }

  it('is named by TASS_THEMES', () => {
    expect(loadConfig({ TASS_THEMES: './themes.json' }).themesPath).toBe('./themes.json');
    expect(loadConfig({ TASS_THEMES: '  ' }).themesPath).toBeUndefined();
  });

  it('gives the default themes when no file is named', () => {
    expect(loadThemes(undefined)).toBe(DEFAULT_THEMES);
  });

  it('reads a council\'s own list in its order', () => {
    const file = write('themes.json', JSON.stringify([YOUTH_VOICE, DEFAULT_THEMES[0]]));
    expect(loadThemes(file)).toEqual([YOUTH_VOICE, DEFAULT_THEMES[0]]);
  });

  it('says a missing file cannot be read, naming it', () => {
    const file = path.join(dir, 'nowhere.json');
    expect(() => loadThemes(file)).toThrow(ThemeFileError);
    expect(() => loadThemes(file)).toThrow(`Theme file ${file} is not valid:\n  - cannot be read (ENOENT)`);
  });

  it('says a file that is not JSON is not JSON', () => {
    const file = write('themes.json', '[{ "id": "youth-voice", }');
    expect(problemsOf(() => loadThemes(file))).toEqual([expect.stringMatching(/^is not JSON: /)]);
  });

  it('lists every problem in every entry at once, with where it is', () => {
    const file = write(
      'themes.json',
      JSON.stringify([
        YOUTH_VOICE,
        { id: 'Youth Voice', name: '', keywords: [] },
        { id: 'neet', name: 'NEET', keyword: ['NEET'] },
        { id: 'youth-voice', name: 'Pupil voice', keywords: ['pupil voice', ' '] },
        'attendance',
      ]),
    );
    expect(problemsOf(() => loadThemes(file))).toEqual([
      '[1].id: use lower-case words joined by hyphens',
      '[1].name: String must contain at least 1 character(s)',
      '[1].keywords: Array must contain at least 1 element(s)',
      '[2].keywords: Required',
      "[2]: Unrecognized key(s) in object: 'keyword'",
      '[3].keywords[1]: String must contain at least 1 character(s)',
      '[3].id: "youth-voice" is already the id of [0]; theme ids must be unique',
      '[4]: Expected object, received string',
    ]);
  });

  it.each<[string, unknown, string]>([
    ['an object instead of a list', { themes: [YOUTH_VOICE] }, '(top): must be a list of themes, like the output of `tass themes`'],
    ['an empty list', [], '(top): must list at least one theme'],
  ])('refuses %s', (_what, json, problem) => {
    expect(problemsOf(() => parseThemeFile(json, 'themes.json'))).toEqual([problem]);
  });
});
