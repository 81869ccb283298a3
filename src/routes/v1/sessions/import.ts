/** POST /v1/events/{id}/sessions/import: the programme from a CSV file, sessions created or updated in bulk. */
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import { importSessions } from "../../../services/sessions/import.ts";
import { authedRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import { IdParams } from "../common.ts";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, readSessionCsv } from "./csv.ts";

const SessionImportReportSchema = z
  .object({
    total_rows: z.int().openapi({ description: "Data rows in the file (blank rows not counted)" }),
    created: z.int(),
    updated: z.int().openapi({ description: "Matched a session and changed its description or speakers" }),
    unchanged: z.int().openapi({ description: "Matched a session that already had these values" }),
    rejected: z
      .array(
        z.object({
          row: z
            .int()
            .openapi({ description: "As a spreadsheet numbers it: the header is row 1", example: 12 }),
          errors: z.array(z.object({ field: z.string(), message: z.string() })),
        }),
      )
      .openapi({ description: "The first 1,000 rejected rows and why" }),
    rejected_count: z.int(),
  })
  .openapi("SessionImportReport");

export const importSessionsRoute = authedRoute({
  method: "post",
  path: "/v1/events/{id}/sessions/import",
  tags: ["Sessions"],
  summary: "Import the programme (sessions) from a CSV file",
  description: [
    "A UTF-8 CSV (RFC 4180) whose header row names the columns: title, starts_at and ends_at (ISO 8601 with",
    "an offset, e.g. 2027-03-10T09:00:00+03:00) are required; phase (a phase's id or name; by default the phase",
    "containing starts_at), room, description and speakers (delegates of the event by id, email or import key",
    '"first|last|organisation", separated by ;) are optional. Names are case-insensitive; spaces work for',
    "underscores. A session is identified by its title, start and room: a row matching one updates its",
    "description and speakers (in the file's columns only); importing the same file again changes nothing. A",
    "session's times never change by import: a matched row with another end is rejected (move the session).",
    "Rows that break a rule are rejected and reported; the others are imported. A file that is not proper CSV,",
    `or has more than ${MAX_IMPORT_ROWS} rows, is refused whole (400 invalid_csv with the line); the limit is`,
    `${MAX_IMPORT_BYTES} bytes (413).`,
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
              "Title,Starts At,Ends At,Room,Speakers\nOpening keynote,2027-03-10T09:00:00+03:00,2027-03-10T09:45:00+03:00,Main hall,amina@example.org\n",
          }),
        },
      },
    },
  },
  responses: {
    200: {
      description: "What the import did",
      content: { "application/json": { schema: SessionImportReportSchema } },
    },
    ...errorResponses(404, 413, 415),
  },
});

export function registerImportSessions(app: OpenAPIHono<AppEnv>) {
  app.openapi(importSessionsRoute, async (c) => {
    // The event is checked before the body is read: a wrong event answers 404 without an upload.
    const report = await importSessions(c.get("tenant"), c.req.valid("param").id, () =>
      readSessionCsv(c.req.raw),
    );
    return c.json(report, 200);
  });
}
