/**
 * Archives in the ARCHIVES bucket (platform/archive-format.ts): retention's under `archives/`, exports'
 * under `exports/`. Each file carries what its manifest entry needs in its custom metadata, so the
 * manifest is built from one listing at the end instead of from a growing row in Postgres.
 */
import {
  type ArchiveFile,
  type ArchiveManifest,
  type ArchiveReader,
  gzipLines,
  MANIFEST_NAME,
  sha256Hex,
} from "../../platform/archive-format.ts";

export function archiveReader(bucket: R2Bucket): ArchiveReader {
  return {
    async get(key) {
      const object = await bucket.get(key);
      return object ? new Uint8Array(await object.arrayBuffer()) : null;
    },
  };
}

/**
 * Writes rows (JSON text, one per line) as one gzip NDJSON file; the same rows give the same file.
 * With `onlyIf`, a file that changed meanwhile is left alone and the answer is null (rewrite it again).
 */
export async function putNdjsonPart(
  bucket: R2Bucket,
  key: string,
  table: string,
  lines: readonly string[],
  onlyIf?: R2Conditional,
): Promise<{ bytes: number; sha256: string } | null> {
  const body = await gzipLines(lines);
  const sha256 = await sha256Hex(body);
  const written = await bucket.put(key, body, {
    httpMetadata: { contentType: "application/x-ndjson", contentEncoding: "gzip" },
    customMetadata: { table, rows: String(lines.length), sha256 },
    sha256,
    ...(onlyIf ? { onlyIf } : {}),
  });
  return written ? { bytes: body.byteLength, sha256 } : null;
}

/** Every file under `prefix` but the manifest, in key order, as manifest entries. */
export async function listArchiveFiles(bucket: R2Bucket, prefix: string): Promise<ArchiveFile[]> {
  const files: ArchiveFile[] = [];
  let cursor: string | undefined;
  do {
    const page = await bucket.list({ prefix, include: ["customMetadata"], ...(cursor ? { cursor } : {}) });
    for (const object of page.objects) {
      const path = object.key.slice(prefix.length);
      if (path === MANIFEST_NAME) continue;
      const meta = object.customMetadata ?? {};
      files.push({
        path,
        bytes: object.size,
        sha256: meta.sha256 ?? "",
        ...(meta.table ? { table: meta.table, rows: Number(meta.rows ?? 0) } : {}),
        ...(meta.media_id ? { media_id: meta.media_id } : {}),
        ...(meta.content_type ? { content_type: meta.content_type } : {}),
      });
    }
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return files;
}

/** Writes the manifest; with `onlyIf`, answers false (and writes nothing) when it changed meanwhile. */
export async function putManifest(
  bucket: R2Bucket,
  prefix: string,
  manifest: ArchiveManifest,
  onlyIf?: R2Conditional,
): Promise<boolean> {
  const written = await bucket.put(`${prefix}${MANIFEST_NAME}`, JSON.stringify(manifest, null, 2), {
    httpMetadata: { contentType: "application/json" },
    ...(onlyIf ? { onlyIf } : {}),
  });
  return written !== null;
}

/** Deletes up to 1,000 objects under `prefix` (one listing, one delete); answers how many went. */
export async function deleteSome(bucket: R2Bucket, prefix: string): Promise<number> {
  const page = await bucket.list({ prefix, limit: 1000 });
  if (page.objects.length === 0) return 0;
  await bucket.delete(page.objects.map((o) => o.key));
  return page.objects.length;
}
