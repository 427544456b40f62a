// The sign-up form's rules, shared by the browser (inline errors) and the server action (the
// authority). Subdomain availability is checked by the server only.
import { z } from "zod";
import { SUBDOMAIN_RULES, subdomainProblem } from "@/lib/tenant/subdomain";
import { helpCenterNameSchema } from "@/lib/tenant/help-center-name";
import { MIN_PASSWORD_LENGTH } from "./password-rules";

export const signUpSchema = z.object({
  email: z.email("Enter an email address, like ada@example.com.").max(254, "The email address can be at most 254 characters."),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
    .max(1024, "Use at most 1024 characters."),
  tenantName: helpCenterNameSchema,
  subdomain: z
    .string()
    .trim()
    .toLowerCase()
    .superRefine((value, context) => {
      const problem = subdomainProblem(value);
      if (problem === "format") context.addIssue({ code: "custom", message: `Use ${SUBDOMAIN_RULES}.` });
      if (problem === "reserved") context.addIssue({ code: "custom", message: `"${value}" is reserved. Choose another subdomain.` });
    }),
});

export type SignUpInput = z.infer<typeof signUpSchema>;
