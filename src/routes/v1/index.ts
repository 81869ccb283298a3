/** Every operation of the API, registered in one place. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env.ts";
import { registerJwks } from "../well-known/jwks.ts";
import { registerListAuditLogs } from "./audit-logs/list.ts";
import { registerLogin } from "./auth/login.ts";
import { registerRefresh } from "./auth/refresh.ts";
import { registerRegister } from "./auth/register.ts";
import { registerContent } from "./content/routes.ts";
import { registerDelegates } from "./delegates/routes.ts";
import { registerEvents } from "./events/routes.ts";
import { registerCredentials } from "./me/credentials.ts";
import { registerGetMe } from "./me/get.ts";
import { registerMedia } from "./media/routes.ts";
import { registerGetOrganization } from "./organization/get.ts";
import { registerUpdateOrganization } from "./organization/update.ts";
import { registerPlanning } from "./planning.ts";
import { registerTemplates } from "./templates/routes.ts";
import { registerCreateUser } from "./users/create.ts";
import { registerDeactivateUser } from "./users/deactivate.ts";
import { registerGetUser } from "./users/get.ts";
import { registerListUsers } from "./users/list.ts";
import { registerUpdateUser } from "./users/update.ts";

export function registerV1(app: OpenAPIHono<AppEnv>) {
  registerJwks(app);
  registerRegister(app);
  registerLogin(app);
  registerRefresh(app);
  registerGetMe(app);
  registerGetOrganization(app);
  registerUpdateOrganization(app);
  registerListUsers(app);
  registerCreateUser(app);
  registerGetUser(app);
  registerUpdateUser(app);
  registerDeactivateUser(app);
  registerListAuditLogs(app);
  registerCredentials(app);
  registerEvents(app);
  registerDelegates(app);
  registerPlanning(app);
  registerMedia(app);
  registerContent(app);
  registerTemplates(app);
}
