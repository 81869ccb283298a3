/**
 * A delegate CSV upload, read as it streams in: the header names the columns, each row is checked
 * with the same rules as the JSON create (`CreateDelegateBody`), and only the valid rows are kept.
 * A file that is not a proper CSV fails as a whole (400 `invalid_csv` with the line); a row that
 * breaks a field rule is only rejected, with its row number and reasons. A cell the database cannot
 * hold (a NUL character: often a UTF-16 file) refuses the file as the JSON API refuses such a field
 * (400 `validation_failed` at `csv.row.<row>.<column>`).
 */
import { PLATFORMS, type Platform } from "../../../db/schema/columns.ts";
import { ValidationError } from "../../../errors.ts";
import { unstorableText } from "../../../middleware/validation.ts";
import type { CsvRecord } from "../../../platform/csv.ts";
import type { RejectedRow } from "../../../services/csv-import.ts";
import type { DelegateInput } from "../../../services/delegates/delegates.ts";
import {
  IMPORT_FIELDS,
  type ImportField,
  type ParsedDelegateFile,
} from "../../../services/delegates/import.ts";
import { readColumns, readCsvUpload } from "../csv-upload.ts";
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

function readHeader(record: CsvRecord): Header {
  const { columns, names } = readColumns(
    record,
    COLUMNS,
    (column) => ("field" in column ? column.field : `social_handles.${column.platform}`),
    REQUIRED,
  );
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

/**
 * Reads and validates the whole upload (see `readCsvUpload`: 415, 413 past `MAX_IMPORT_BYTES`, 400
 * `invalid_csv` past `MAX_IMPORT_ROWS` or for a file that is not UTF-8 CSV or has no usable header).
 */
export async function readDelegateCsv(request: Request): Promise<ParsedDelegateFile> {
  const { header, ...rows } = await readCsvUpload(request, {
    maxBytes: MAX_IMPORT_BYTES,
    maxRows: MAX_IMPORT_ROWS,
    header: readHeader,
    row: readRow,
  });
  return {
    fields: header.fields,
    platforms: header.platforms,
    columnNames: Object.fromEntries(header.fields.map((field) => [field, header.names.get(field) ?? field])),
    ...rows,
  };
}
