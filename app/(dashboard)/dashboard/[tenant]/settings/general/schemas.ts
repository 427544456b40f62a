import { z } from "zod";

export const generalSettingsSchema = z.object({
  name: z.string().trim().min(1, "Name your help center.").max(100, "Keep the name under 100 characters."),
});
