/** Planning an event's social media over time: its phases, and the campaigns that run across them. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env.ts";
import { registerCampaigns } from "./campaigns/routes.ts";
import { registerEventPhases } from "./events/phases/routes.ts";

export function registerPlanning(app: OpenAPIHono<AppEnv>) {
  registerEventPhases(app);
  registerCampaigns(app);
}
