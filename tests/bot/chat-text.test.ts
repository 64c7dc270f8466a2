/** Reading what was typed in the compose box. */
import { parseChatCommand, splitTermAndLocality } from '../../src/bot/chat-text';

describe('parseChatCommand', () => {
  it.each([
    ['help', { kind: 'help' }],
    ['?', { kind: 'help' }],
    ['START', { kind: 'start' }],
    ['@TASS start', { kind: 'start' }],
    ['<at>TASS Bot</at> start', { kind: 'start' }],
    ['tass, status', { kind: 'status' }],
    ['status\u00a0Spring 2025', { kind: 'status', term: 'Spring 2025' }],
    ['report', { kind: 'report-usage' }],
    ['report Spring – March 2025', { kind: 'report', term: 'Spring – March 2025' }],
    ['report Summer 1 - May 2024 West Lancashire', { kind: 'report', term: 'Summer 1 - May 2024', locality: 'West Lancashire' }],
    ['report 2024-25 Autumn Central Lancs', { kind: 'report', term: '2024-25 Autumn', locality: 'Central Lancs' }],
    ['Open Campaign Spring 2025', { kind: 'open-campaign', term: 'Spring 2025' }],
    ['open campaign', { kind: 'open-campaign' }],
    ['open the window', { kind: 'unknown' }],
    ['', { kind: 'unknown' }],
    ['tell me about Preston', { kind: 'unknown' }],
  ])('reads %j', (text, expected) => {
    expect(parseChatCommand(text)).toEqual(expected);
  });
});

describe('splitTermAndLocality', () => {
  it.each([
    ['Spring 2025', { term: 'Spring 2025' }],
    ['Autumn October 24 Preston', { term: 'Autumn October 24', locality: 'Preston' }],
    ['2024-25-spring west-lancs', { term: '2024-25-spring', locality: 'west-lancs' }],
    ['no term here', { term: 'no term here' }],
  ])('splits %j', (text, expected) => {
    expect(splitTermAndLocality(text)).toEqual(expected);
  });
});
