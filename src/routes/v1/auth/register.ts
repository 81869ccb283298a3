import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import { serviceContext } from "../../../middleware/auth.ts";
import { register } from "../../../services/auth/register.ts";
import { publicRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import { CountryCodeSchema, OrganizationSchema, SlugSchema, toOrganization } from "../organization/schema.ts";
import { NameSchema, toUser, UsernameSchema, UserSchema } from "../users/schema.ts";
import { EmailSchema, PasswordSchema, TokenPairSchema } from "./schema.ts";

const RegisterBody = z
  .strictObject({
    organization: z.strictObject({
      name: z.string().trim().min(2).max(200),
      slug: SlugSchema,
      country_code: CountryCodeSchema,
      description: z.string().max(2000).optional(),
    }),
    owner: z.strictObject({
      email: EmailSchema,
      password: PasswordSchema,
      first_name: NameSchema,
      last_name: NameSchema,
      username: UsernameSchema.optional(),
    }),
  })
  .openapi("RegisterRequest", {
    example: {
      organization: { name: "Africa Energy Forum", slug: "africa-energy-forum", country_code: "KE" },
      owner: {
        email: "amina@example.org",
        password: "correct horse battery staple",
        first_name: "Amina",
        last_name: "Odhiambo",
      },
    },
  });

export const registerRoute = publicRoute({
  method: "post",
  path: "/v1/auth/register",
  tags: ["Auth"],
  summary: "Create an organisation and its owner, signed in",
  request: { body: { required: true, content: { "application/json": { schema: RegisterBody } } } },
  responses: {
    201: {
      description: "The organisation, its owner and a session",
      content: {
        "application/json": {
          schema: z
            .object({ organization: OrganizationSchema, user: UserSchema })
            .extend(TokenPairSchema.shape),
        },
      },
    },
    ...errorResponses(409),
  },
});

export function registerRegister(app: OpenAPIHono<AppEnv>) {
  app.openapi(registerRoute, async (c) => {
    const result = await register(serviceContext(c), c.req.valid("json"));
    return c.json(
      { organization: toOrganization(result.organization), user: toUser(result.user), ...result.tokens },
      201,
    );
  });
}
