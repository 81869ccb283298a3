/**
 * A delegate CSV upload, read as it streams in: the header names the columns, each row is checked
 * with the same rules as the JSON create (`CreateDelegateBody`), and only the valid rows are kept.
 * A file that is not a proper CSV fails as a whole (400 `invalid_csv` with the line); a row that
 * breaks a field rule is only rejected, with its row number and reasons. A cell the database cannot
 * hold (a NUL character: often a UTF-16 file) refuses the file as the JSON API refuses such a field
 * (400 `validation_failed` at `csv.row.<row>.<column>`).
 */
import { PLATFORMS, type Platform } from "../../../db/schema/columns.ts";
import {
  BadRequestError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
  ValidationError,
} from "../../../errors.ts";
import { unstorableText } from "../../../middleware/validation.ts";
import { CsvError, type CsvRecord, readCsv } from "../../../platform/csv.ts";
import type { DelegateInput } from "../../../services/delegates/delegates.ts";
import {
  IMPORT_FIELDS,
  type ImportField,
  MAX_REJECTED_LISTED,
  type ParsedDelegateFile,
  type RejectedRow,
} from "../../../services/delegates/import.ts";
import { CreateDelegateBody } from "./schema.ts";

/** Largest upload: about 50,000 rows of generous width. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;

type Column = { field: ImportField } | { platform: Platform };

/**
 * Header names, compared after trimming, lower-casing and turning spaces and hyphens into `_`, so
 * "First Name" and "first_name" are the same column. Handles are `<platform>_handle`.
 */
const COLUMNS: ReadonlyMap<string, Column> = new Map<string, Column>([
  ...IMPORT_FIELDS.map((field) => [field, { field }] as const),
  ["organisation", { field: "organization" }],
  ...PLATFORMS.map((platform) => [`${platform}_handle`, { platform }] as const),
]);
const REQUIRED: readonly ImportField[] = ["first_name"];

const normalise = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");

const invalid = (message: string, line: number, extras: Record<string, unknown> = {}) =>
  new BadRequestError("invalid_csv", message, { line, ...extras });

const TRUE = new Set(["true", "yes", "y", "1"]);
const FALSE = new Set(["false", "no", "n", "0"]);

/** A cell as the JSON field would carry it; a cell that cannot be converted is left for zod to refuse. */
function cellValue(field: ImportField, cell: string): unknown {
  if (field === "vip_tier" || field === "precedence") return /^[+-]?\d+$/.test(cell) ? Number(cell) : cell;
  if (field === "auto_tag") {
    const folded = cell.toLowerCase();
    return TRUE.has(folded) ? true : FALSE.has(folded) ? false : cell;
  }
  return cell;
}

interface Header {
  columns: Column[];
  /** Where an error on a field (or `social_handles.<platform>`) points: the column as the file names it. */
  names: Map<string, string>;
  fields: ImportField[];
  platforms: Platform[];
}

function readHeader(record: CsvRecord | undefined): Header {
  const cells = record?.fields ?? [];
  if (cells.every((cell) => cell.trim() === ""))
    throw invalid("The file has no header row naming its columns.", 1);
  const columns: Column[] = [];
  const names = new Map<string, string>();
  const unknown: string[] = [];
  const repeated: string[] = [];
  for (const [index, cell] of cells.entries()) {
    const column = COLUMNS.get(normalise(cell));
    if (!column) {
      unknown.push(cell.trim() || `(column ${index + 1} has no name)`);
      continue;
    }
    const target = "field" in column ? column.field : `social_handles.${column.platform}`;
    if (names.has(target)) repeated.push(cell.trim());
    names.set(target, cell.trim());
    columns.push(column);
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
  return {
    columns,
    names,
    fields: columns.flatMap((c) => ("field" in c ? [c.field] : [])),
    platforms: columns.flatMap((c) => ("platform" in c ? [c.platform] : [])),
  };
}

/** One data row: its delegate, or why it was rejected. */
function readRow(
  header: Header,
  record: CsvRecord,
): { input: DelegateInput } | { errors: RejectedRow["errors"] } {
  if (record.fields.length !== header.columns.length) {
    const message = `The row has ${record.fields.length} cells; the header has ${header.columns.length}.`;
    return { errors: [{ field: "row", message }] };
  }
  const body: Record<string, unknown> = {};
  const handles: Record<string, string> = {};
  const unstorable = header.columns.flatMap((column, index) => {
    const name = header.names.get("field" in column ? column.field : `social_handles.${column.platform}`);
    return unstorableText(record.fields[index], `csv.row.${record.row}.${name}`);
  });
  if (unstorable.length) {
    throw new ValidationError(unstorable, "The file holds text that cannot be stored; save it as CSV UTF-8.");
  }
  for (const [index, column] of header.columns.entries()) {
    const cell = record.fields[index]!.trim();
    if (cell === "") continue;
    if ("field" in column) body[column.field] = cellValue(column.field, cell);
    else handles[column.platform] = cell;
  }
  if (Object.keys(handles).length) body.social_handles = handles;
  const parsed = CreateDelegateBody.safeParse(body);
  if (parsed.success) return { input: parsed.data };
  return {
    errors: parsed.error.issues.map((issue) => {
      const path = issue.path.map(String).join(".");
      const field = header.names.get(path) ?? header.names.get(String(issue.path[0])) ?? path;
      return { field, message: issue.message };
    }),
  };
}

/** 415 unless the upload is `text/csv` in UTF-8 (the programme import checks its files the same way). */
export function checkContentType(request: Request): void {
  const type = request.headers.get("content-type") ?? undefined;
  const [essence, ...parameters] = (type ?? "").split(";").map((part) => part.trim().toLowerCase());
  const charset = parameters
    .find((p) => p.startsWith("charset="))
    ?.slice("charset=".length)
    .replaceAll('"', "");
  if (essence !== "text/csv" || (charset !== undefined && charset !== "utf-8" && charset !== "utf8")) {
    throw new UnsupportedMediaTypeError("text/csv (UTF-8)", type);
  }
}

/**
 * Reads and validates the whole upload. Throws 415 for another content type, 413 past
 * `MAX_IMPORT_BYTES`, 400 `invalid_csv` (with `line`) for a file that is not UTF-8 CSV, has no
 * usable header, or has more than `MAX_IMPORT_ROWS` rows.
 */
export async function readDelegateCsv(request: Request): Promise<ParsedDelegateFile> {
  checkContentType(request);
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (declared > MAX_IMPORT_BYTES) throw new PayloadTooLargeError(MAX_IMPORT_BYTES);
  if (!request.body) throw invalid("The file is empty.", 1);

  const file: ParsedDelegateFile = {
    fields: [],
    platforms: [],
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
        file.fields = header.fields;
        file.platforms = header.platforms;
        file.columnNames = Object.fromEntries(
          header.fields.map((field) => [field, header?.names.get(field) ?? field]),
        );
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
