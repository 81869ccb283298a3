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
});
