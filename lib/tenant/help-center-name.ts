// A help center's name, as typed at sign-up and in Settings → General: one rule for both forms.
import { z } from "zod";
import { isCleanText, uncleanTextMessage } from "@/lib/text/control-characters";

export const HELP_CENTER_NAME_MAX = 100;

export const helpCenterNameSchema = z
  .string()
  .trim()
  .min(1, "Name your help center.")
  .max(HELP_CENTER_NAME_MAX, `The name can be at most ${HELP_CENTER_NAME_MAX} characters.`)
  .refine(isCleanText, uncleanTextMessage("name"));
