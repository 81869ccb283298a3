/**
 * The archive format that retention and exports write, and that `npm run archives:verify` and
 * `archives:restore` read: a folder (an R2 key prefix) of gzip-compressed NDJSON files, one row per
 * line as PostgreSQL's `to_jsonb` renders it (keys are column names), any other files (an export's
 * media), and `manifest.json`, written last, naming every file with its rows, bytes and SHA-256.
 * Web Streams and WebCrypto only, so the Worker and Node share it.
 */

export const ARCHIVE_FORMAT = "guddu-archive";
export const ARCHIVE_FORMAT_VERSION = 1;
export const MANIFEST_NAME = "manifest.json";

export interface ArchiveColumn {
  name: string;
  /** As PostgreSQL's `format_type` names it (`timestamp with time zone`, `numeric(7,4)` …). */
  type: string;
}

export interface ArchiveTable {
  name: string;
  rows: number;
  columns: ArchiveColumn[];
  /** The column a retention archive's period is about; every row's value lies in `time_range`. */
  time_column?: string;
}

export interface ArchiveFile {
  /** Relative to the archive's folder, e.g. `engagement_metrics/part-00001.ndjson.gz`. */
  path: string;
  bytes: number;
  sha256: string;
  /** NDJSON files: the table and how many rows (lines) the file holds. */
  table?: string;
  rows?: number;
  /** A media file of an export: the media asset it is the bytes of. */
  media_id?: string;
  content_type?: string;
}

export interface ArchiveManifest {
  format: typeof ARCHIVE_FORMAT;
  format_version: typeof ARCHIVE_FORMAT_VERSION;
  kind: "retention" | "export";
  /** Migrations applied to the database that was read (the rows' shape); null when unknown. */
  schema_version: number | null;
  organization_id: string;
  created_at: string;
  /** A retention archive's period: its rows' `time_column` lies in [from, to). Null for exports. */
  time_range: { from: string; to: string } | null;
  /** An export's scope and subject (whose data); absent for retention archives. */
  scope?: string;
  subject?: Record<string, string>;
  tables: ArchiveTable[];
  files: ArchiveFile[];
  rows: number;
}

/** What reading an archive needs from a bucket: the Worker's R2 binding, Miniflare's, or a CLI. */
export interface ArchiveReader {
  get(key: string): Promise<Uint8Array | null>;
}

export const isNdjson = (path: string) => path.endsWith(".ndjson.gz");

/** `part-00001.ndjson.gz`: parts sort in the order they were written. */
export const partName = (part: number) => `part-${String(part).padStart(5, "0")}.ndjson.gz`;

async function drain(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** One gzip member holding the lines, each ended by `\n`. */
export function gzipLines(lines: readonly string[]): Promise<Uint8Array> {
  const text = lines.length === 0 ? "" : `${lines.join("\n")}\n`;
  return drain(new Blob([text]).stream().pipeThrough(new CompressionStream("gzip")));
}

export async function gunzipLines(bytes: Uint8Array): Promise<string[]> {
  const text = new TextDecoder().decode(
    await drain(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))),
  );
  return text.split("\n").filter((line) => line.length > 0);
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

export async function readManifest(reader: ArchiveReader, prefix: string): Promise<ArchiveManifest | null> {
  const bytes = await reader.get(`${prefix}${MANIFEST_NAME}`);
  if (!bytes) return null;
  return JSON.parse(new TextDecoder().decode(bytes)) as ArchiveManifest;
}

export interface Verification {
  ok: boolean;
  problems: string[];
  manifest: ArchiveManifest | null;
}

/**
 * Checks an archive against its manifest: every file is there with its size and SHA-256, every
 * NDJSON file holds as many JSON rows as it says, the tables add up, and a retention archive's rows
 * lie in its period. Reads each file whole (archive parts are a few MB; an export's videos more).
 */
export async function verifyArchive(reader: ArchiveReader, prefix: string): Promise<Verification> {
  const problems: string[] = [];
  const manifest = await readManifest(reader, prefix).catch((error: unknown) => {
    problems.push(`${MANIFEST_NAME} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  });
  if (!manifest) {
    if (problems.length === 0) problems.push(`no ${MANIFEST_NAME} under ${prefix}`);
    return { ok: false, problems, manifest: null };
  }
  if (manifest.format !== ARCHIVE_FORMAT || manifest.format_version !== ARCHIVE_FORMAT_VERSION) {
    problems.push(`unknown format ${manifest.format} ${manifest.format_version}`);
    return { ok: false, problems, manifest };
  }
  const from = manifest.time_range ? Date.parse(manifest.time_range.from) : Number.NaN;
  const to = manifest.time_range ? Date.parse(manifest.time_range.to) : Number.NaN;
  const rowsPerTable = new Map<string, number>();
  for (const file of manifest.files) {
    const bytes = await reader.get(`${prefix}${file.path}`);
    if (!bytes) {
      problems.push(`${file.path}: missing`);
      continue;
    }
    if (bytes.byteLength !== file.bytes)
      problems.push(`${file.path}: ${bytes.byteLength} bytes, manifest says ${file.bytes}`);
    if ((await sha256Hex(bytes)) !== file.sha256)
      problems.push(`${file.path}: SHA-256 differs from the manifest`);
    if (!isNdjson(file.path) || !file.table) continue;
    let lines: string[];
    try {
      lines = await gunzipLines(bytes);
    } catch {
      problems.push(`${file.path}: not gzip`);
      continue;
    }
    if (lines.length !== file.rows)
      problems.push(`${file.path}: ${lines.length} rows, manifest says ${file.rows}`);
    rowsPerTable.set(file.table, (rowsPerTable.get(file.table) ?? 0) + lines.length);
    const timeColumn = manifest.tables.find((t) => t.name === file.table)?.time_column;
    for (const [index, line] of lines.entries()) {
      let row: Record<string, unknown>;
      try {
        row = JSON.parse(line) as Record<string, unknown>;
      } catch {
        problems.push(`${file.path}: line ${index + 1} is not JSON`);
        break;
      }
      if (timeColumn && Number.isFinite(from)) {
        const at = Date.parse(String(row[timeColumn]));
        if (!(at >= from && at < to)) {
          problems.push(`${file.path}: line ${index + 1} has ${timeColumn} outside the archive's period`);
          break;
        }
      }
    }
  }
  let total = 0;
  for (const table of manifest.tables) {
    const counted = rowsPerTable.get(table.name) ?? 0;
    total += counted;
    if (counted !== table.rows)
      problems.push(`${table.name}: ${counted} rows in its files, manifest says ${table.rows}`);
  }
  if (total !== manifest.rows) problems.push(`${total} rows in all, manifest says ${manifest.rows}`);
  return { ok: problems.length === 0, problems, manifest };
}
