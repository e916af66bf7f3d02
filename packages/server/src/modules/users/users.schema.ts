import { RoleSchema } from "@portcullis/domain";
import { z } from "zod";
import { text } from "../../http/schemas.ts";

export const AddUserBody = z.strictObject({
  email: z.string().trim().toLowerCase().max(320).email(),
  displayName: text(200),
  role: RoleSchema,
  /** Required when the e-mail has no account yet (12+ characters). */
  password: z.string().min(12).max(1000).optional(),
});
export type AddUserInput = z.infer<typeof AddUserBody>;

export const UpdateMemberBody = z.strictObject({
  role: RoleSchema.optional(),
  active: z.boolean().optional(),
  displayName: text(200).optional(),
});
export type UpdateMemberInput = z.infer<typeof UpdateMemberBody>;

export const MemberSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
});
export type Member = z.infer<typeof MemberSchema>;

export const MemberListSchema = z.object({ items: z.array(MemberSchema) });
