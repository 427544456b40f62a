import { z } from "zod";

export const generalSettingsSchema = z.object({
  name: z.string().trim().min(1, "Name your help center.").max(100, "Keep the name under 100 characters."),
  logRetentionDays: z.coerce
    .number({ error: "Enter a number of days." })
    .int("Enter a whole number of days.")
    .min(1, "Keep logs between 1 and 3650 days.")
    .max(3650, "Keep logs between 1 and 3650 days."),
});
