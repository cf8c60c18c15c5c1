/** A value Decap hands over as an Immutable.js structure, as plain data (other values unchanged). */
export const plain = (value: unknown): unknown => (value && typeof value === 'object' && 'toJS' in value ? (value as { toJS: () => unknown }).toJS() : value);
