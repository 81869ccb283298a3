import { ValidationError } from "../../errors.ts";
import { checkPasswordStrength, type PasswordContext } from "../../platform/password-strength.ts";
import type { ServiceContext } from "../context.ts";

/**
 * The one place a chosen password is judged: throws `validation_failed` with a `weak_password`
 * entry per problem, at `path` (e.g. `json.owner.password`); the last says what would make it acceptable.
 */
export async function assertStrongPassword(
  ctx: ServiceContext,
  password: string,
  context: PasswordContext,
  path: string,
  extraProblems: string[] = [],
): Promise<void> {
  const problems = [...(await checkPasswordStrength(password, context, ctx.config.ASSETS)), ...extraProblems];
  if (problems.length) {
    throw new ValidationError(
      problems.map((message) => ({ path, message, code: "weak_password" })),
      "Choose a stronger password.",
    );
  }
}
