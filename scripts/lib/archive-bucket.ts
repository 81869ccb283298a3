/**
 * The ARCHIVES bucket from Node, for the archive commands (scripts/archives.ts) and their tests.
 * Through wrangler's `getPlatformProxy`, the same local R2 that `npm run dev` persists under
 * `.data/wrangler` (its `--persist-to`), offline; with `remote`, the real bucket of the Cloudflare
 * account wrangler is signed in to (`wrangler login` or CLOUDFLARE_API_TOKEN). A throwaway config
 * names only the bucket, so nothing else of the Worker starts.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { getPlatformProxy } from "wrangler";
import type { ArchiveReader } from "../../src/platform/archive-format.ts";

export const ARCHIVES_BUCKET = "guddu-archives";
const root = resolve(import.meta.dirname, "../..");
export const DEV_PERSIST = join(root, ".data/wrangler");

export interface BucketOptions {
  /** wrangler's `--persist-to` folder (default: `.data/wrangler`, where `npm run dev` keeps its state). */
  persist?: string;
  remote?: boolean;
  bucket?: string;
}

export interface OpenBucket {
  bucket: R2Bucket;
  reader: ArchiveReader;
  dispose(): Promise<void>;
}

export async function openArchiveBucket(options: BucketOptions = {}): Promise<OpenBucket> {
  const dir = mkdtempSync(join(tmpdir(), "guddu-archives-"));
  const configPath = join(dir, "wrangler.json");
  writeFileSync(
    configPath,
    JSON.stringify({
      name: "guddu-archives-cli",
      compatibility_date: "2026-11-01",
      r2_buckets: [
        {
          binding: "ARCHIVES",
          bucket_name: options.bucket ?? ARCHIVES_BUCKET,
          ...(options.remote ? { remote: true } : {}),
        },
      ],
    }),
  );
  const proxy = await getPlatformProxy<{ ARCHIVES: R2Bucket }>({
    configPath,
    persist: { path: join(resolve(options.persist ?? DEV_PERSIST), "v3") },
    remoteBindings: options.remote === true,
  });
  const bucket = proxy.env.ARCHIVES;
  return {
    bucket,
    reader: {
      async get(key) {
        const object = await bucket.get(key);
        return object ? new Uint8Array(await object.arrayBuffer()) : null;
      },
    },
    async dispose() {
      await proxy.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every archive folder (one holding a `manifest.json`) under `prefix`. */
export async function listArchives(bucket: R2Bucket, prefix: string): Promise<string[]> {
  const found: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await bucket.list({ prefix, ...(cursor ? { cursor } : {}) });
    for (const object of page.objects) {
      if (object.key.endsWith("/manifest.json")) found.push(object.key.slice(0, -"manifest.json".length));
    }
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return found;
}

/** `archives/…/manifest.json`, `archives/…/` or `archives/…` as the archive's folder (`…/`). */
export function archiveFolder(key: string): string {
  const folder = key.endsWith("manifest.json") ? key.slice(0, -"manifest.json".length) : key;
  return folder.endsWith("/") ? folder : `${folder}/`;
}
