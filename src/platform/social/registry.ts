/**
 * The one place that turns a platform name into its adapter. Base URLs are the real platforms unless
 * `PLATFORM_BASE_URLS` names another origin (the local fakes, a self-hosted PDS); OAuth clients come
 * from `PLATFORM_CLIENTS`.
 */
import type { Platform } from "../../db/schema/columns.ts";
import { type Config, isLocalStack } from "../../env.ts";
import { createBlueskyAdapter } from "./bluesky/index.ts";
import { createFacebookAdapter } from "./facebook/index.ts";
import type { AdapterOptions } from "./http.ts";
import { createInstagramAdapter } from "./instagram/index.ts";
import { createLinkedInAdapter } from "./linkedin/index.ts";
import { createThreadsAdapter } from "./threads/index.ts";
import type { OAuthClient, SocialAdapter } from "./types.ts";
import { createXAdapter } from "./x/index.ts";

/** Timeouts and polling; the base URL always comes from the configuration. */
export type RegistryOptions = Omit<AdapterOptions, "baseUrl">;

export function adapterFor(platform: Platform, config: Config, options: RegistryOptions = {}): SocialAdapter {
  const configured = { ...options, baseUrl: config.PLATFORM_BASE_URLS[platform] };
  switch (platform) {
    case "x":
      return createXAdapter(configured);
    case "facebook":
      return createFacebookAdapter(configured);
    case "instagram":
      return createInstagramAdapter(configured);
    case "linkedin":
      return createLinkedInAdapter(configured);
    case "threads":
      return createThreadsAdapter(configured);
    case "bluesky":
      return createBlueskyAdapter({
        ...configured,
        appViewUrl: config.BLUESKY_APPVIEW_URL,
        plcUrl: config.BLUESKY_PLC_URL,
        allowLoopback: isLocalStack(config),
      });
  }
}

/** The OAuth app registered with the platform, or null when none is configured. */
export function oauthClientFor(platform: Platform, config: Config): OAuthClient | null {
  const client = config.PLATFORM_CLIENTS[platform];
  return client ? { clientId: client.client_id, clientSecret: client.client_secret ?? null } : null;
}
