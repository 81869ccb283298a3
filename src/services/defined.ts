/**
 * The fields of `value` that are set: a PATCH body's, a filter's, a row change's. `undefined` means
 * "not given" throughout the services (never "clear it", which is `null`), so the fields left out are
 * the ones a write must not touch.
 */
export function definedFields<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
