/** Every operation of the API, registered in one place. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env.ts";
import { registerJwks } from "../well-known/jwks.ts";
import { registerLogin } from "./auth/login.ts";
import { registerRefresh } from "./auth/refresh.ts";
import { registerRegister } from "./auth/register.ts";
import { registerCredentials } from "./me/credentials.ts";
import { registerGetMe } from "./me/get.ts";

export function registerV1(app: OpenAPIHono<AppEnv>) {
  registerJwks(app);
  registerRegister(app);
  registerLogin(app);
  registerRefresh(app);
  registerGetMe(app);
  registerCredentials(app);
}
