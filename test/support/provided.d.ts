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
  }
}

export {};
