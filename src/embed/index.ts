/**
 * The embed: `<script type="module" src="…/embed/v1/guddu.js">` defines the three widgets. Built by
 * `npm run build:embed` into public/embed/v1/guddu.js.
 */
import { GudduAgenda } from "./agenda.ts";
import { define } from "./element.ts";
import { GudduSpeakers } from "./speakers.ts";
import { GudduWall } from "./wall.ts";

define("guddu-wall", GudduWall);
define("guddu-agenda", GudduAgenda);
define("guddu-speakers", GudduSpeakers);
