/**
 * A programme CSV upload, read as it streams in: the header names the columns, each row is checked
 * with the JSON create's field rules, and only the valid rows are kept. A file that is not a proper
 * CSV fails as a whole (400 `invalid_csv` with the line); a row that breaks a field rule is only
 * rejected, with its row number and reasons. Speakers are one cell, separated by `;`.
 */
import { z } from "@hono/zod-openapi";
import { ValidationError } from "../../../errors.ts";
import { unstorableText } from "../../../middleware/validation.ts";
import type { CsvRecord } from "../../../platform/csv.ts";
import type { RejectedRow } from "../../../services/csv-import.ts";
import {
  IMPORT_FIELDS,
  type ImportField,
  type ParsedSessionFile,
  type SessionRow,
} from "../../../services/sessions/import.ts";
import { readColumns, readCsvUpload } from "../csv-upload.ts";
import { SessionFields } from "./schema.ts";

/** Largest upload: a programme of thousands of sessions with long descriptions. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5_000;

const COLUMNS: ReadonlyMap<string, ImportField> = new Map<string, ImportField>([
  ...IMPORT_FIELDS.map((field) => [field, field] as const),
  ["start", "starts_at"],
  ["end", "ends_at"],
  ["speaker", "speakers"],
]);
const REQUIRED: readonly ImportField[] = ["title", "starts_at", "ends_at"];

const RowSchema = z.strictObject({
  title: SessionFields.title,
  starts_at: SessionFields.starts_at,
  ends_at: SessionFields.ends_at,
  phase: z.string().trim().min(1).max(200).optional(),
  room: z.string().trim().min(1).max(200).optional(),
  description: z.string().max(5000).optional(),
  speakers: z.array(z.string().trim().min(1).max(300)).max(50).optional(),
});

interface Header {
  columns: ImportField[];
  names: Map<string, string>;
}

function readHeader(record: CsvRecord): Header {
  return readColumns(record, COLUMNS, (field) => field, REQUIRED);
}

function readRow(
  header: Header,
  record: CsvRecord,
): { input: SessionRow } | { errors: RejectedRow["errors"] } {
  if (record.fields.length !== header.columns.length) {
    const message = `The row has ${record.fields.length} cells; the header has ${header.columns.length}.`;
    return { errors: [{ field: "row", message }] };
  }
  const unstorable = header.columns.flatMap((field, index) =>
    unstorableText(record.fields[index], `csv.row.${record.row}.${header.names.get(field)}`),
  );
  if (unstorable.length) {
    throw new ValidationError(unstorable, "The file holds text that cannot be stored; save it as CSV UTF-8.");
  }
  const body: Record<string, unknown> = {};
  for (const [index, field] of header.columns.entries()) {
    const cell = record.fields[index]!.trim();
    if (cell === "") continue;
    body[field] =
      field === "speakers"
        ? cell
            .split(";")
            .map((ref) => ref.trim())
            .filter(Boolean)
        : cell;
  }
  const parsed = RowSchema.safeParse(body);
  const column = (path: PropertyKey | undefined) =>
    header.names.get(String(path) as ImportField) ?? String(path ?? "row");
  if (!parsed.success) {
    return {
      errors: parsed.error.issues.map((issue) => ({ field: column(issue.path[0]), message: issue.message })),
    };
  }
  if (Date.parse(parsed.data.ends_at) < Date.parse(parsed.data.starts_at)) {
    return { errors: [{ field: column("ends_at"), message: "ends_at must not be before starts_at" }] };
  }
  return { input: parsed.data };
}

/**
 * Reads and validates the whole upload. Throws 415 for another content type, 413 past
 * `MAX_IMPORT_BYTES`, 400 `invalid_csv` (with `line`) for a file that is not UTF-8 CSV, has no usable
 * header, or has more than `MAX_IMPORT_ROWS` rows.
 */
export async function readSessionCsv(request: Request): Promise<ParsedSessionFile> {
  const { header, ...rows } = await readCsvUpload(request, {
    maxBytes: MAX_IMPORT_BYTES,
    maxRows: MAX_IMPORT_ROWS,
    header: readHeader,
    row: readRow,
  });
  return { fields: header.columns, columnNames: Object.fromEntries(header.names), ...rows };
}
