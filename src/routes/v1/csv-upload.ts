/**
 * The one way a CSV upload is read (delegates, the programme's sessions): 415 unless it is UTF-8
 * `text/csv`, 413 past its byte limit, 400 `invalid_csv` (with the line) for a file that is not a
 * proper CSV, has no usable header or too many rows; a row that breaks a field rule is only rejected,
 * with its row number and reasons. Each resource brings its header and row readers.
 */
import { BadRequestError, PayloadTooLargeError, UnsupportedMediaTypeError } from "../../errors.ts";
import { CsvError, type CsvRecord, readCsv } from "../../platform/csv.ts";
import { MAX_REJECTED_LISTED, type RejectedRow } from "../../services/csv-import.ts";

/** "First Name", "first-name" and "first_name" are the same column. */
export const normaliseColumn = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");

export const invalidCsv = (message: string, line: number, extras: Record<string, unknown> = {}) =>
  new BadRequestError("invalid_csv", message, { line, ...extras });

/** 415 unless the upload is `text/csv` in UTF-8. */
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

export interface CsvUpload<Header, Input> {
  header: Header;
  /** Non-blank data rows. */
  totalRows: number;
  rows: Array<{ row: number; input: Input }>;
  /** The first rejected rows, in row order (at most `MAX_REJECTED_LISTED`). */
  rejected: RejectedRow[];
  rejectedCount: number;
}

export interface CsvReaders<Header, Input> {
  maxBytes: number;
  maxRows: number;
  header(record: CsvRecord): Header;
  row(header: Header, record: CsvRecord): { input: Input } | { errors: RejectedRow["errors"] };
}

/** Reads and validates the whole upload as it streams in, keeping only the valid rows. */
export async function readCsvUpload<Header, Input>(
  request: Request,
  read: CsvReaders<Header, Input>,
): Promise<CsvUpload<Header, Input>> {
  checkContentType(request);
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (declared > read.maxBytes) throw new PayloadTooLargeError(read.maxBytes);
  if (!request.body) throw invalidCsv("The file is empty.", 1);
  let header: Header | undefined;
  const upload: Omit<CsvUpload<Header, Input>, "header"> = {
    totalRows: 0,
    rows: [],
    rejected: [],
    rejectedCount: 0,
  };
  try {
    for await (const record of readCsv(request.body, { maxBytes: read.maxBytes })) {
      if (header === undefined) {
        header = read.header(record);
        continue;
      }
      if (record.fields.every((cell) => cell.trim() === "")) continue;
      if (++upload.totalRows > read.maxRows) {
        throw invalidCsv(
          `Line ${record.line}: the file has more than ${read.maxRows} rows; split it.`,
          record.line,
        );
      }
      const result = read.row(header, record);
      if ("input" in result) {
        upload.rows.push({ row: record.row, input: result.input });
      } else {
        upload.rejectedCount++;
        if (upload.rejected.length < MAX_REJECTED_LISTED)
          upload.rejected.push({ row: record.row, errors: result.errors });
      }
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    if (error.reason === "too_large") throw new PayloadTooLargeError(read.maxBytes);
    throw invalidCsv(error.message, error.line);
  }
  if (header === undefined) throw invalidCsv("The file is empty.", 1);
  return { header, ...upload };
}

/**
 * The header row: each cell a known column (after `normaliseColumn`), none twice, the required ones
 * present. `names` maps each column's target (its field) to the name the file gives it, for the
 * reasons a row is rejected.
 */
export function readColumns<Column>(
  record: CsvRecord,
  known: ReadonlyMap<string, Column>,
  targetOf: (column: Column) => string,
  required: readonly string[],
): { columns: Column[]; names: Map<string, string> } {
  const cells = record.fields;
  if (cells.every((cell) => cell.trim() === ""))
    throw invalidCsv("The file has no header row naming its columns.", 1);
  const columns: Column[] = [];
  const names = new Map<string, string>();
  const unknown: string[] = [];
  const repeated: string[] = [];
  for (const [index, cell] of cells.entries()) {
    const column = known.get(normaliseColumn(cell));
    if (column === undefined) {
      unknown.push(cell.trim() || `(column ${index + 1} has no name)`);
      continue;
    }
    const target = targetOf(column);
    if (names.has(target)) repeated.push(cell.trim());
    names.set(target, cell.trim());
    columns.push(column);
  }
  if (unknown.length) {
    throw invalidCsv(`Unknown columns: ${unknown.join(", ")}.`, 1, {
      unknown_columns: unknown,
      accepted_columns: [...known.keys()],
    });
  }
  if (repeated.length)
    throw invalidCsv(`Columns named twice: ${repeated.join(", ")}.`, 1, { repeated_columns: repeated });
  const missing = required.filter((field) => !names.has(field));
  if (missing.length)
    throw invalidCsv(`Missing columns: ${missing.join(", ")}.`, 1, { missing_columns: missing });
  return { columns, names };
}
