/**
 * The priority-update mapping's personal-data confirmations column: its own hidden JSON column,
 * left out of TassData, read back only when valid, and absent on items written before it existed.
 */
import { CorruptItemError, updateMapping } from '../../../src/store/sharepoint/mapping';
import { CONFIRMATIONS_COLUMN, DATA_COLUMN, LIST_SPECS } from '../../../src/store/sharepoint/schema';
import { aPersonalDataConfirmation, anUpdate } from '../../support/builders';

const confirmed = anUpdate({ personalDataConfirmations: { impactSoFar: aPersonalDataConfirmation() }, version: 4 });

describe('personal-data confirmations in the updates list', () => {
  it('is a hidden column of the updates list, read with every update', () => {
    expect(LIST_SPECS.updates.columns.find((column) => column.name === CONFIRMATIONS_COLUMN)).toEqual(
      expect.objectContaining({ hidden: true, type: { kind: 'multilineText' } }),
    );
    expect(updateMapping.readColumns).toContain(CONFIRMATIONS_COLUMN);
  });

  it('writes the confirmations to their own column, not into TassData, and reads them back', () => {
    const fields = updateMapping.toFields(confirmed);
    expect(JSON.parse(String(fields[CONFIRMATIONS_COLUMN]))).toEqual(confirmed.personalDataConfirmations);
    expect(JSON.parse(String(fields[DATA_COLUMN]))).not.toHaveProperty('personalDataConfirmations');
    expect(updateMapping.fromFields(fields)).toEqual(confirmed);
  });

  it.each([
    ['written as null', null],
    ['left out, as Graph does for an empty column or an item from before the column', undefined],
  ])('reads an update without confirmations when the column is %s', (_label, value) => {
    const { personalDataConfirmations: _none, ...plain } = confirmed;
    const fields = { ...updateMapping.toFields(plain), [CONFIRMATIONS_COLUMN]: value };
    expect(updateMapping.toFields(plain)[CONFIRMATIONS_COLUMN]).toBeNull();
    const read = updateMapping.fromFields(fields);
    expect(read).toEqual(plain);
    expect('personalDataConfirmations' in read).toBe(false);
  });

  it.each([
    ['edited by hand into something else', '{"impactSoFar": {"reason": "fine"}}'],
    ['a section that does not exist', JSON.stringify({ headteacherNotes: aPersonalDataConfirmation() })],
    ['a number', 42],
    ['cut off half way', '{"impactSoFar": {"findingKinds": ["phone"'],
  ])('refuses a confirmations column %s', (_label, value) => {
    const fields = { ...updateMapping.toFields(confirmed), [CONFIRMATIONS_COLUMN]: value };
    expect(() => updateMapping.fromFields(fields)).toThrow(CorruptItemError);
  });
});
