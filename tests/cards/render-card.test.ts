import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CardTemplateError, loadCardTemplate, renderCard } from '../../src/cards/render-card';
import { NOTICE_CARD } from '../../src/cards/card-models';
import { cardsFolder, findPackageRoot, PackageRootNotFoundError } from '../../src/cards/package-root';
import { CardTooLargeError, MAX_CARD_BYTES, renderWithinLimit } from '../../src/cards/card-size';

describe('finding the templates', () => {
  it('finds the package root from the compiled code in dist/', () => {
    const root = findPackageRoot(__dirname);
    expect(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).name).toBe('tass-bot');
    expect(fs.existsSync(path.join(cardsFolder(__dirname), 'report-card.json'))).toBe(true);
  });

  it('says so when there is no package.json above a folder', () => {
    expect(() => findPackageRoot(path.parse(os.tmpdir()).root)).toThrow(PackageRootNotFoundError);
  });
});

describe('renderCard', () => {
  it('binds the data into the template', () => {
    const card = renderCard(NOTICE_CARD, { title: 'Not your locality', message: 'Ask a manager.' });
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', body: [{ text: 'Not your locality' }, { text: 'Ask a manager.' }] });
    expect(card.actions).toEqual([]);
  });

  it.each([
    ['a missing file', 'missing.json', undefined],
    ['a file that is not JSON', 'broken.json', '{ "type": '],
    ['JSON that is not a card', 'other.json', '{ "type": "Message" }'],
  ])('refuses %s', (_case, file, content) => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tass-cards-'));
    try {
      if (content !== undefined) fs.writeFileSync(path.join(folder, file), content);
      expect(() => loadCardTemplate(file, folder)).toThrow(CardTemplateError);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('renderWithinLimit', () => {
  const cardOf = (chars: number) => ({ type: 'AdaptiveCard' as const, version: '1.5', body: [{ type: 'TextBlock', text: 'x'.repeat(chars) }] });

  it('shortens step by step until the card fits', () => {
    const asked: Array<number | undefined> = [];
    const card = renderWithinLimit((preview) => {
      asked.push(preview);
      return cardOf(preview === undefined ? 200_000 : preview * 50);
    });
    expect(asked).toEqual([undefined, 2000, 1000]);
    expect(JSON.stringify(card).length).toBeLessThanOrEqual(MAX_CARD_BYTES);
  });

  it('fails plainly when even the shortest preview is too big', () => {
    expect(() => renderWithinLimit(() => cardOf(MAX_CARD_BYTES + 1))).toThrow(CardTooLargeError);
  });
});
