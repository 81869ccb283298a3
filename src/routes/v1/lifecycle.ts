/**
 * The read / edit / delete / restore operations of every restorable resource, declared once:
 * `GET {path}` answers the row with its ETag, `PATCH {path}` refuses a stale If-Match with 412,
 * `DELETE {path}` soft-deletes (204) and `POST {path}/restore` brings the row back.
 */
import type { OpenAPIHono, RouteConfig, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../app-env.ts";
import type { Permission } from "../../services/auth/permissions.ts";
import { etagOf } from "../../services/conditional.ts";
import type { TenantContext } from "../../services/context.ts";
import { restore, type SoftDeletable, softDelete } from "../../services/soft-delete.ts";
import { authedRoute } from "../define.ts";
import { errorResponses } from "../openapi.ts";
import { IfMatchHeader, withEtag } from "./common.ts";

type Operation = "get" | "update" | "delete" | "restore";

interface OperationDocs {
  summary?: string;
  description?: string;
  /** Merged over the defaults by status, e.g. `errorResponses(409)` or `{ 204: { description: "Disconnected" } }`. */
  responses?: RouteConfig["responses"];
}

interface Lifecycle<P extends z.ZodObject, S extends z.ZodType, Row, B extends z.ZodType> {
  /** One item, e.g. `/v1/events/{id}`; restore is `{path}/restore`. */
  path: string;
  params: P;
  tag: string;
  /** One item as the summaries name it: "an event" (Read an event … Restore a deleted event), "content". */
  noun: string;
  permissions: { read: Permission; write: Permission };
  schema: S;
  toWire: (row: Row) => z.infer<S>;
  /** What the ETag header says; "Send as If-Match to update" unless given. */
  etag?: string;
  get: (ctx: TenantContext, params: z.output<P>) => Promise<Row>;
  /** Left out where the resource is not edited this way (content's versioning edit). */
  update?: {
    body: B;
    run: (ctx: TenantContext, params: z.output<P>, body: z.output<B>, ifMatch?: string) => Promise<Row>;
  };
  delete: (ctx: TenantContext, params: z.output<P>) => Promise<unknown>;
  restore: (ctx: TenantContext, params: z.output<P>) => Promise<Row>;
  docs?: Partial<Record<Operation, OperationDocs>>;
}

/** `delete` and `restore` of a row addressed by `{id}` alone, audited as `<entity>.delete` / `.restore`. */
export function softDeletes<T extends SoftDeletable>(table: T, entity: string) {
  return {
    delete: (ctx: TenantContext, { id }: { id: string }) => softDelete(ctx, { table, id, entity }),
    restore: (ctx: TenantContext, { id }: { id: string }) => restore(ctx, { table, id, entity }),
  };
}

/** "an event" → "a deleted event"; "content" → "deleted content". */
const deleted = (noun: string) => noun.replace(/^(an? )?/, (article) => `${article ? "a " : ""}deleted `);

type LifecycleContext<P, B> = Context<
  AppEnv,
  string,
  { out: { param: P; header: z.output<typeof IfMatchHeader>; json: B } }
>;

/** Registers the four operations, in this order, with the docs every restorable resource shares. */
export function registerLifecycle<
  P extends z.ZodObject,
  S extends z.ZodType,
  Row extends { updatedAt: Date },
  B extends z.ZodType,
>(app: OpenAPIHono<AppEnv>, config: Lifecycle<P, S, Row, B>) {
  const { path, params, noun, permissions, schema, toWire, update, docs = {} } = config;
  const one = (description: string) => withEtag(schema, description, config.etag);
  // "a content template" → "The template": the read's answer names the item by its last word.
  const found = `The ${noun.split(" ").at(-1)}`;

  const define = (op: Operation, route: RouteConfig & { permission: Permission }) =>
    authedRoute({
      ...route,
      tags: [config.tag],
      ...docs[op],
      responses: { ...route.responses, ...docs[op]?.responses },
    });
  type C = LifecycleContext<z.output<P>, z.output<B>>;
  const on = (route: RouteConfig, handler: (c: C) => Promise<Response>) =>
    // Hono types a handler from the route's literal type, which a route built from generic schemas leaves unresolved.
    app.openapi(route, handler as never);
  const answer = (c: C, row: Row) => {
    c.header("etag", etagOf(row.updatedAt));
    return c.json(toWire(row), 200);
  };

  const getRoute = define("get", {
    method: "get",
    path,
    summary: `Read ${noun}`,
    permission: permissions.read,
    request: { params },
    responses: { 200: one(found), ...errorResponses(404) },
  });
  on(getRoute, async (c) => answer(c, await config.get(c.get("tenant"), c.req.valid("param"))));

  if (update) {
    const updateRoute = define("update", {
      method: "patch",
      path,
      summary: `Update ${noun} (send If-Match to refuse stale edits)`,
      permission: permissions.write,
      request: {
        params,
        headers: IfMatchHeader,
        body: { required: true, content: { "application/json": { schema: update.body } } },
      },
      responses: { 200: one("Updated"), ...errorResponses(404, 409, 412) },
    });
    on(updateRoute, async (c) => {
      const ifMatch = c.req.valid("header")["if-match"];
      return answer(c, await update.run(c.get("tenant"), c.req.valid("param"), c.req.valid("json"), ifMatch));
    });
  }

  const deleteRoute = define("delete", {
    method: "delete",
    path,
    summary: `Delete ${noun} (restorable)`,
    permission: permissions.write,
    request: { params },
    responses: { 204: { description: "Deleted" }, ...errorResponses(404) },
  });
  on(deleteRoute, async (c) => {
    await config.delete(c.get("tenant"), c.req.valid("param"));
    return c.body(null, 204);
  });

  const restoreRoute = define("restore", {
    method: "post",
    path: `${path}/restore`,
    summary: `Restore ${deleted(noun)}`,
    permission: permissions.write,
    request: { params },
    responses: { 200: one("Restored"), ...errorResponses(404) },
  });
  on(restoreRoute, async (c) => answer(c, await config.restore(c.get("tenant"), c.req.valid("param"))));
}
