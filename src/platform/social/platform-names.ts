/**
 * The platforms' names as people read them. Imports nothing at run time, so the embed (src/embed)
 * bundles this one table too instead of a copy.
 */
import type { Platform } from "../../db/schema/columns.ts";

export const PLATFORM_NAMES: Record<Platform, string> = {
  bluesky: "Bluesky",
  x: "X",
  facebook: "Facebook",
  instagram: "Instagram",
  linkedin: "LinkedIn",
  threads: "Threads",
};
