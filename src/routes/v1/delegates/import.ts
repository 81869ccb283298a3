/** POST /v1/events/{id}/delegates/import: a CSV file of delegates, created or updated in bulk. */
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import { importDelegates } from "../../../services/delegates/import.ts";
import { authedRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import { IdParams } from "../common.ts";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, readDelegateCsv } from "./csv.ts";

export const ImportReportSchema = z
  .object({
    total_rows: z.number().int().openapi({ description: "Data rows in the file (blank rows not counted)" }),
    created: z.number().int(),
    updated: z.number().int().openapi({ description: "Matched a delegate and changed something" }),
    unchanged: z.number().int().openapi({ description: "Matched a delegate that already had these values" }),
    rejected: z
      .array(
        z.object({
          row: z.number().int().openapi({
            description:
              "As a spreadsheet numbers it: the header is row 1, so the first data row is 2 and the 250th is 251",
            example: 251,
          }),
          errors: z.array(z.object({ field: z.string(), message: z.string() })),
        }),
      )
      .openapi({ description: "The first 1,000 rejected rows and why" }),
    rejected_count: z.number().int(),
  })
  .openapi("DelegateImportReport");

export const importDelegatesRoute = authedRoute({
  method: "post",
  path: "/v1/events/{id}/delegates/import",
  tags: ["Delegates"],
  summary: "Import delegates from a CSV file",
  description: [
    "A UTF-8 CSV (RFC 4180) whose header row names the columns: first_name (required), title, last_name,",
    "designation, organization, country, delegate_type, vip_tier, precedence (1 is named first; empty: not ranked),",
    "auto_tag (true/false/yes/no/1/0), email and",
    "<platform>_handle (x_handle, bluesky_handle …). Names are case-insensitive; spaces work for underscores.",
    "A row matching a delegate of the event (same email, else same first name, last name and organisation)",
    "updates it in the file's columns only; an empty cell clears a field. Importing the same file again",
    "changes nothing. Rows that break a field rule are rejected and reported; the others are imported. A",
    `file that is not proper CSV, or has more than ${MAX_IMPORT_ROWS} rows, is refused whole (400 invalid_csv`,
    `with the line); the limit is ${MAX_IMPORT_BYTES} bytes (413).`,
  ].join(" "),
  permission: "events:write",
  request: {
    params: IdParams,
    body: {
      required: true,
      content: {
        "text/csv": {
          schema: z.string().openapi({
            example:
              "First Name,Last Name,Email,Country,Delegate Type\nAmina,Odhiambo,amina@example.org,KE,minister\n",
          }),
        },
      },
    },
  },
  responses: {
    200: {
      description: "What the import did",
      content: { "application/json": { schema: ImportReportSchema } },
    },
    ...errorResponses(404, 413, 415),
  },
});

export function registerImportDelegates(app: OpenAPIHono<AppEnv>) {
  app.openapi(importDelegatesRoute, async (c) => {
    // The event is checked before the body is read: a wrong event answers 404 without an upload.
    const report = await importDelegates(c.get("tenant"), c.req.valid("param").id, () =>
      readDelegateCsv(c.req.raw),
    );
    return c.json(report, 200);
  });
}
