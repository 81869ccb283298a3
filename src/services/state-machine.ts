/** Status lifecycles as data: which status may follow which. One helper checks them all. */
import { ConflictError } from "../errors.ts";

export type Transitions<S extends string> = Record<S, readonly S[]>;

/** Throws 409 `invalid_status_transition` naming the allowed next statuses. */
export function assertTransition<S extends string>(
  machine: Transitions<S>,
  from: S,
  to: S,
  entity: string,
): void {
  if (from === to) return;
  const allowed = machine[from];
  if (!allowed.includes(to)) {
    throw new ConflictError(
      "invalid_status_transition",
      `A ${entity} that is ${from} cannot become ${to}${allowed.length ? `; it can become ${allowed.join(", ")}` : ""}.`,
      { from, to, allowed },
    );
  }
}
