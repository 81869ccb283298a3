-- Protocol checks for VIPs: the organiser's order of precedence among an event's delegates (lower comes
-- first; null is not ranked). The organisation's protocol_checks setting ("warn" | "block") lives in
-- organizations.settings and needs no column.
ALTER TABLE "delegates" ADD COLUMN "precedence" integer;--> statement-breakpoint
ALTER TABLE "delegates" ADD CONSTRAINT "delegates_precedence_check" CHECK ("delegates"."precedence" between 1 and 1000);
