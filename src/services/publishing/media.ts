/**
 * Media as adapters take it: the bytes straight from R2 (`open()`, for platforms that take uploads)
 * and a signed, expiring public URL (for platforms that fetch media themselves, like Meta's). The URL
 * is `GET /media/public/{token}` (routes/media-public.ts): the token is a purpose-bound JWT naming the
 * organisation and the asset, so it opens exactly one file, for `MEDIA_LINK_TTL_SECONDS`. Serving it
 * costs one database round trip: an asset under embargo is not served (services/embargoes), even by a
 * link minted before the embargo was set.
 */
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client.ts";
import { type MediaAsset, mediaAssets } from "../../db/schema/media-assets.ts";
import { inTenant } from "../../db/tenant.ts";
import type { Config } from "../../env.ts";
import { NotFoundError } from "../../errors.ts";
import { signPurposeToken, verifyPurposeToken } from "../../platform/jwt.ts";
import { PlatformError, type PublishMedia } from "../../platform/social/types.ts";
import { mediaLiftsAt } from "../embargoes/embargo.ts";
import { storageKeyOf } from "../media/media.ts";

export const MEDIA_LINK_PURPOSE = "guddu-media-link";
/** Long enough for a platform to fetch a large video while it processes a container. */
export const MEDIA_LINK_TTL_SECONDS = 6 * 3600;

const LinkClaims = z.object({ sub: z.uuid(), org: z.uuid(), type: z.string().min(1) });

export const mediaLinkInvalid = () =>
  new NotFoundError("media_link_invalid", "This media link is invalid or has expired.");

export async function signMediaLink(
  config: Config,
  asset: Pick<MediaAsset, "id" | "organizationId" | "mimeType">,
  now = Date.now(),
): Promise<string> {
  const token = await signPurposeToken(
    config.JWT_PRIVATE_KEYS,
    MEDIA_LINK_PURPOSE,
    { sub: asset.id, org: asset.organizationId, type: asset.mimeType },
    { issuer: config.PUBLIC_BASE_URL, ttlSeconds: MEDIA_LINK_TTL_SECONDS, now },
  );
  return `${config.PUBLIC_BASE_URL.replace(/\/+$/, "")}/media/public/${token}`;
}

/**
 * The file a media link opens, read from R2; 404 `media_link_invalid` for anything else, and while
 * the asset is under embargo (the same answer: a link tells nobody that an embargo exists).
 */
export async function openMediaLink(
  config: Config,
  db: Database,
  token: string,
  now: Date,
): Promise<{ mimeType: string; object: R2ObjectBody }> {
  let claims: unknown;
  try {
    claims = await verifyPurposeToken(config.JWT_PRIVATE_KEYS, MEDIA_LINK_PURPOSE, token, {
      issuer: config.PUBLIC_BASE_URL,
    });
  } catch {
    throw mediaLinkInvalid();
  }
  const parsed = LinkClaims.safeParse(claims);
  if (!parsed.success) throw mediaLinkInvalid();
  const { assets } = await inTenant({ db, organizationId: parsed.data.org }, (tx) => ({
    assets: tx
      .select({ liftsAt: mediaLiftsAt() })
      .from(mediaAssets)
      .where(eq(mediaAssets.id, parsed.data.sub)),
  }));
  const liftsAt = assets[0]?.liftsAt;
  if (liftsAt && liftsAt > now) throw mediaLinkInvalid();
  const object = await config.MEDIA.get(storageKeyOf(parsed.data.org, parsed.data.sub));
  if (!object) throw mediaLinkInvalid();
  return { mimeType: parsed.data.type, object };
}

/**
 * The asset as an adapter takes it. `open()` reads R2 when called; bytes gone from storage are a
 * permanent failure (no retry brings them back).
 */
export async function publishMediaOf(config: Config, asset: MediaAsset): Promise<PublishMedia> {
  return {
    id: asset.id,
    mimeType: asset.mimeType,
    sizeBytes: asset.fileSize,
    width: asset.width,
    height: asset.height,
    durationMs: asset.durationMs,
    altText: null,
    url: await signMediaLink(config, asset),
    async open() {
      const object = await config.MEDIA.get(asset.storageKey);
      if (!object) {
        throw new PlatformError("permanent", `The file of media ${asset.id} is missing from storage.`, {
          code: "media_missing",
        });
      }
      return object.body;
    },
  };
}
