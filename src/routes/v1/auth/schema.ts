import { z } from "@hono/zod-openapi";

export const TokenPairSchema = z
  .object({
    access_token: z.string(),
    token_type: z.literal("Bearer"),
    expires_in: z.number().int().openapi({ example: 900 }),
    refresh_token: z.string(),
  })
  .openapi("TokenPair");

export const PasswordSchema = z.string().min(1).max(128);
export const EmailSchema = z.email().max(254).openapi({ example: "amina@example.org" });
