import { escapeCardText, shortenText } from '../../src/cards/escape-card-text';

describe('escapeCardText', () => {
  it.each([
    ['plain text stays as it is', 'Panel met on 14 January with 8 schools', 'Panel met on 14 January with 8 schools'],
    ['bold and italics are shown as typed', '**urgent** and _soon_', '\\*\\*urgent\\*\\* and \\_soon\\_'],
    ['a Markdown link cannot be made', '[click here](https://evil.example)', '\\[click here\\]\\(https\u200b:\u200b//evil.example\\)'],
    ['a bare address is not turned into a link', 'see www.lancashire.gov.uk', 'see www\u200b.lancashire.gov.uk'],
    ['a leading dash does not start a list', '- first\n- second', '\\- first\n\\- second'],
    ['a leading number does not start a numbered list', '1. first', '1\\. first'],
    ['headings and quotes are shown as typed', '# Title\n> quote', '\\# Title\n\\> quote'],
    ['control characters are dropped', 'a\u0007b\u001bc', 'abc'],
    ['template expressions are just text', '${secret}', '$\\{secret\\}'],
  ])('%s', (_case, input, expected) => {
    expect(escapeCardText(input)).toBe(expected);
  });
});

describe('shortenText', () => {
  it.each([
    ['short text is unchanged', 'Panel met', 20, 'Panel met'],
    ['long text is cut on a word with an ellipsis', 'The panel met on the fourteenth of January', 20, 'The panel met on…'],
    ['a long word is cut inside', 'abcdefghijklmnopqrstuvwxyz', 10, 'abcdefghi…'],
  ])('%s', (_case, input, max, expected) => {
    const shortened = shortenText(input, max);
    expect(shortened).toBe(expected);
    expect(shortened.length).toBeLessThanOrEqual(max);
  });
});
