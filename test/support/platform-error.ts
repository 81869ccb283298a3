/** What an adapter call failed with: it must fail, and with a PlatformError (whose kind tests then read). */
import { expect } from "vitest";
import { PlatformError } from "../../src/platform/social/types.ts";

export async function failure(promise: Promise<unknown>): Promise<PlatformError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PlatformError);
  return error as PlatformError;
}
