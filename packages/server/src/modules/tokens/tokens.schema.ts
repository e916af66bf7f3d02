import { z } from "zod";
import { text } from "../../http/schemas.ts";

export const CreateTokenBody = z.strictObject({
  name: text(100),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type CreateTokenInput = z.infer<typeof CreateTokenBody>;

export const TokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  userEmail: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type TokenView = z.infer<typeof TokenSchema>;

export const TokenListSchema = z.object({ items: z.array(TokenSchema) });
export const CreatedTokenSchema = z.object({ token: z.string(), item: TokenSchema });
