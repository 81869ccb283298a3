/** Reading raw rows: the driver hands timestamps over as text (or dates); the API answers ISO 8601 in UTC. */
export type RawTime = string | Date;

export const isoAt = (value: RawTime): string => new Date(value).toISOString();

export const isoOrNull = (value: RawTime | null): string | null => (value === null ? null : isoAt(value));
