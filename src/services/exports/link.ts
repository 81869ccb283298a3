/**
 * A finished export's download link, signed and expiring like a media link
 * (services/publishing/media.ts): `GET /exports/download/{token}`, the token a purpose-bound JWT
 * naming the organisation and the export, valid `EXPORT_LINK_TTL_SECONDS`. The answer is one tar file
 * (`manifest.json`, then every file it names), streamed from R2 with its length known up front; no
 * database round trip. An export the nightly job has deleted answers 404 like an invalid link.
 */
import { z } from "zod";
import type { Config } from "../../env.ts";
import { NotFoundError } from "../../errors.ts";
import { type ArchiveManifest, MANIFEST_NAME } from "../../platform/archive-format.ts";
import { signPurposeToken, verifyPurposeToken } from "../../platform/jwt.ts";
import { type TarEntry, tarEnd, tarHeader, tarLength, tarPadding } from "../../platform/tar.ts";
import { archiveReader } from "../archives/store.ts";
import { exportPrefix } from "./build.ts";

export const EXPORT_LINK_PURPOSE = "guddu-export-link";
/** Enough to download a large export; ask again (`GET /v1/exports/{id}`) for a fresh link. */
export const EXPORT_LINK_TTL_SECONDS = 3600;

const LinkClaims = z.object({ sub: z.uuid(), org: z.uuid() });

export const exportLinkInvalid = () =>
  new NotFoundError("export_link_invalid", "This download link is invalid or has expired.");

export async function signExportLink(
  config: Config,
  row: { id: string; organizationId: string },
  now = Date.now(),
): Promise<{ url: string; expiresAt: Date }> {
  const token = await signPurposeToken(
    config.JWT_PRIVATE_KEYS,
    EXPORT_LINK_PURPOSE,
    { sub: row.id, org: row.organizationId },
    { issuer: config.PUBLIC_BASE_URL, ttlSeconds: EXPORT_LINK_TTL_SECONDS, now },
  );
  return {
    url: `${config.PUBLIC_BASE_URL.replace(/\/+$/, "")}/exports/download/${token}`,
    expiresAt: new Date(Math.floor(now / 1000) * 1000 + EXPORT_LINK_TTL_SECONDS * 1000),
  };
}

export interface ExportDownload {
  filename: string;
  length: number;
  /** Writes the archive into `writable` and closes it (run while the response streams). */
  write(writable: WritableStream<Uint8Array>): Promise<void>;
}

/** The export a link opens, as a tar stream; 404 `export_link_invalid` for anything else. */
export async function openExportLink(config: Config, token: string): Promise<ExportDownload> {
  let claims: unknown;
  try {
    claims = await verifyPurposeToken(config.JWT_PRIVATE_KEYS, EXPORT_LINK_PURPOSE, token, {
      issuer: config.PUBLIC_BASE_URL,
    });
  } catch {
    throw exportLinkInvalid();
  }
  const parsed = LinkClaims.safeParse(claims);
  if (!parsed.success) throw exportLinkInvalid();
  const prefix = exportPrefix({ organizationId: parsed.data.org, id: parsed.data.sub });
  const manifestBytes = await archiveReader(config.ARCHIVES).get(`${prefix}${MANIFEST_NAME}`);
  if (!manifestBytes) throw exportLinkInvalid();
  const manifest = JSON.parse(new TextDecoder().decode(manifestBytes)) as ArchiveManifest;
  return tarOf(config.ARCHIVES, prefix, manifestBytes, manifest, `guddu-export-${parsed.data.sub}`);
}

function tarOf(
  bucket: R2Bucket,
  prefix: string,
  manifestBytes: Uint8Array,
  manifest: ArchiveManifest,
  folder: string,
): ExportDownload {
  const mtime = Math.floor(Date.parse(manifest.created_at) / 1000);
  const entries: TarEntry[] = [
    { path: `${folder}/${MANIFEST_NAME}`, size: manifestBytes.byteLength, mtime },
    ...manifest.files.map((f) => ({ path: `${folder}/${f.path}`, size: f.bytes, mtime })),
  ];
  return {
    filename: `${folder}.tar`,
    length: tarLength(entries),
    async write(writable) {
      const writer = writable.getWriter();
      try {
        await writer.write(tarHeader(entries[0]!));
        await writer.write(manifestBytes);
        await writer.write(tarPadding(manifestBytes.byteLength));
        for (const [index, file] of manifest.files.entries()) {
          const object = await bucket.get(`${prefix}${file.path}`);
          if (!object || object.size !== file.bytes) throw new Error(`export file ${file.path} is missing`);
          await writer.write(tarHeader(entries[index + 1]!));
          const reader = object.body.getReader();
          for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
            await writer.write(chunk.value);
          }
          await writer.write(tarPadding(file.bytes));
        }
        await writer.write(tarEnd());
        await writer.close();
      } catch (error) {
        await writer.abort(error);
      }
    },
  };
}
