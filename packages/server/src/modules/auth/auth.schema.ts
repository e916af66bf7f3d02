import { z } from "zod";

export const LoginBody = z.strictObject({
  email: z.string().trim().toLowerCase().max(320).email(),
  password: z.string().min(1).max(1000),
  tenantId: z.string().max(100).optional(),
});
export type LoginInput = z.infer<typeof LoginBody>;

export const SwitchTenantBody = z.strictObject({ tenantId: z.string().max(100) });

export const SessionSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), displayName: z.string(), locale: z.string() }),
  tenant: z.object({ id: z.string(), legalName: z.string() }).nullable(),
  role: z.string().nullable(),
  memberships: z.array(z.object({ tenantId: z.string(), legalName: z.string(), role: z.string() })),
  csrfToken: z.string().nullable(),
  via: z.enum(["session", "token"]),
});
export type SessionView = z.infer<typeof SessionSchema>;
