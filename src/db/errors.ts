/** Reading PostgreSQL errors through drizzle's wrapper (`DrizzleQueryError.cause`). */
export interface PgErrorInfo {
  code?: string;
  constraint?: string;
  message: string;
}

export function pgError(error: unknown): PgErrorInfo | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth++) {
    const e = current as { code?: unknown; constraint?: unknown; message?: unknown; cause?: unknown };
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) {
      return {
        code: e.code,
        constraint: typeof e.constraint === "string" ? e.constraint : undefined,
        message: String(e.message ?? ""),
      };
    }
    current = e.cause;
  }
  return undefined;
}

/** The constraint a unique violation (23505) hit, if that is what `error` is. */
export function uniqueViolation(error: unknown): string | undefined {
  const info = pgError(error);
  return info?.code === "23505" ? (info.constraint ?? "") : undefined;
}
