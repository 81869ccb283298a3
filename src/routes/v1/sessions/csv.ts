/**
 * A programme CSV upload, read as it streams in: the header names the columns, each row is checked
 * with the JSON create's field rules, and only the valid rows are kept. A file that is not a proper
 * CSV fails as a whole (400 `invalid_csv` with the line); a row that breaks a field rule is only
 * rejected, with its row number and reasons. Speakers are one cell, separated by `;`.
 */
import { z } from "@hono/zod-openapi";
import { BadRequestError, PayloadTooLargeError, ValidationError } from "../../../errors.ts";
import { unstorableText } from "../../../middleware/validation.ts";
import { CsvError, type CsvRecord, readCsv } from "../../../platform/csv.ts";
import {
  IMPORT_FIELDS,
  type ImportField,
  MAX_REJECTED_LISTED,
  type ParsedSessionFile,
  type RejectedRow,
  type SessionRow,
} from "../../../services/sessions/import.ts";
import { checkContentType } from "../delegates/csv.ts";
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

const normalise = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");

const invalid = (message: string, line: number, extras: Record<string, unknown> = {}) =>
  new BadRequestError("invalid_csv", message, { line, ...extras });

interface Header {
  columns: ImportField[];
  names: Map<ImportField, string>;
}

function readHeader(record: CsvRecord | undefined): Header {
  const cells = record?.fields ?? [];
  if (cells.every((cell) => cell.trim() === ""))
    throw invalid("The file has no header row naming its columns.", 1);
  const columns: ImportField[] = [];
  const names = new Map<ImportField, string>();
  const unknown: string[] = [];
  const repeated: string[] = [];
  for (const [index, cell] of cells.entries()) {
    const field = COLUMNS.get(normalise(cell));
    if (!field) {
      unknown.push(cell.trim() || `(column ${index + 1} has no name)`);
      continue;
    }
    if (names.has(field)) repeated.push(cell.trim());
    names.set(field, cell.trim());
    columns.push(field);
  }
  if (unknown.length) {
    throw invalid(`Unknown columns: ${unknown.join(", ")}.`, 1, {
      unknown_columns: unknown,
      accepted_columns: [...COLUMNS.keys()],
    });
  }
  if (repeated.length)
    throw invalid(`Columns named twice: ${repeated.join(", ")}.`, 1, { repeated_columns: repeated });
  const missing = REQUIRED.filter((field) => !names.has(field));
  if (missing.length)
    throw invalid(`Missing columns: ${missing.join(", ")}.`, 1, { missing_columns: missing });
  return { columns, names };
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
  checkContentType(request);
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (declared > MAX_IMPORT_BYTES) throw new PayloadTooLargeError(MAX_IMPORT_BYTES);
  if (!request.body) throw invalid("The file is empty.", 1);
  const file: ParsedSessionFile = {
    fields: [],
    columnNames: {},
    totalRows: 0,
    rows: [],
    rejected: [],
    rejectedCount: 0,
  };
  let header: Header | undefined;
  try {
    for await (const record of readCsv(request.body, { maxBytes: MAX_IMPORT_BYTES })) {
      if (!header) {
        header = readHeader(record);
        file.fields = header.columns;
        file.columnNames = Object.fromEntries(header.names);
        continue;
      }
      if (record.fields.every((cell) => cell.trim() === "")) continue;
      if (++file.totalRows > MAX_IMPORT_ROWS) {
        throw invalid(
          `Line ${record.line}: the file has more than ${MAX_IMPORT_ROWS} rows; split it.`,
          record.line,
        );
      }
      const result = readRow(header, record);
      if ("input" in result) {
        file.rows.push({ row: record.row, input: result.input });
      } else {
        file.rejectedCount++;
        if (file.rejected.length < MAX_REJECTED_LISTED)
          file.rejected.push({ row: record.row, errors: result.errors });
      }
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    if (error.reason === "too_large") throw new PayloadTooLargeError(MAX_IMPORT_BYTES);
    throw invalid(error.message, error.line);
  }
  if (!header) throw invalid("The file is empty.", 1);
  return file;
}
