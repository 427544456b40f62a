import { z } from "zod";

const role = z.enum(["owner", "admin", "support", "editor"], { error: "Choose a role." });

export const inviteSchema = z.object({ email: z.email("Enter a whole email address, like name@example.com.").max(254), role });
export const changeRoleSchema = z.object({ userId: z.uuid(), role });
export const removeMemberSchema = z.object({ userId: z.uuid() });
export const revokeInviteSchema = z.object({ inviteId: z.uuid() });
