import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/env.ts";
import { ConfigError } from "../src/errors.ts";

describe("loadConfig", () => {
  it("validates the bindings once and memoises the result", () => {
    expect(loadConfig(env)).toBe(loadConfig(env));
    expect(loadConfig(env).MAX_JSON_BODY_BYTES).toBe(1_048_576);
  });

  it("names every missing or malformed binding", () => {
    const broken = {
      ...env,
      DATABASE_URL: "",
      PUBLIC_BASE_URL: "not a url",
      MEDIA: undefined,
    } as unknown as Cloudflare.Env;
    expect(() => loadConfig(broken)).toThrow(ConfigError);
    for (const name of ["DATABASE_URL", "PUBLIC_BASE_URL", "MEDIA"]) {
      expect(() => loadConfig(broken)).toThrow(name);
    }
  });

  it("parses every secret once: the signing keys and token keyring come back ready to use", () => {
    const config = loadConfig(env);
    expect(config.JWT_PRIVATE_KEYS.signing.kid).toMatch(/\S/);
    expect(config.TOKEN_ENCRYPTION_KEYS.currentKid).toMatch(/\S/);
    expect(config.WEBHOOK_SECRETS).toEqual({});
    const webhooks = loadConfig({
      ...env,
      WEBHOOK_SECRETS: JSON.stringify({ x: { secrets: ["new-secret", "old-secret"] } }),
    });
    expect(webhooks.WEBHOOK_SECRETS.x?.secrets).toEqual(["new-secret", "old-secret"]);
  });

  it("names a malformed secret without echoing it", () => {
    const secret = "s3cr3t-not-json";
    for (const [name, value] of [
      ["JWT_PRIVATE_KEYS", secret],
      ["TOKEN_ENCRYPTION_KEYS", secret],
      ["WEBHOOK_SECRETS", JSON.stringify({ x: { secrets: ["a", "b", "c"] } })],
      ["PLATFORM_CLIENTS", JSON.stringify({ x: { client_id: "" } })],
    ] as const) {
      const broken = { ...env, [name]: value } as Cloudflare.Env;
      let message = "";
      try {
        loadConfig(broken);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        message = (error as Error).message;
      }
      expect(message, name).toContain(name);
      expect(message, name).not.toContain(secret);
    }
  });
});
