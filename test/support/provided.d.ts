declare module "vitest" {
  export interface ProvidedContext {
    /** The Worker's URL: application role, through the proxy. */
    databaseUrl: string;
    /** Owner URL of the same database (node tests only). */
    adminUrl: string;
    /** host:port of the local Neon proxy. */
    neonProxy: string;
    jwtPrivateKeys: string;
    tokenEncryptionKeys: string;
    /** Origin of the local reference PDS (peers/bluesky, scripts/lib/pds.ts). */
    blueskyPdsUrl: string;
    /** Origin of the fake AppView behind that PDS (test/fakes/appview). */
    blueskyAppViewUrl: string;
    /** Origin of the in-memory PLC directory beside that PDS (its accounts' did:plc documents). */
    blueskyPlcUrl: string;
    /** JSON `{jwtSecret, rateLimitBypassKey}` of that throwaway PDS, for test helpers. */
    blueskyPdsKeys: string;
    /** JSON `{platform: origin}` of the local platform fakes (test/fakes/platforms). */
    platformBaseUrls: string;
    /** JSON `{platform: {client_id, client_secret}}`: the OAuth clients the fakes know. */
    platformClients: string;
  }
}

export {};
