"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/form-field";
import type { ActionState } from "@/lib/auth/member-action";
import { setVisibility } from "../actions";
import { SubmitButton } from "@/components/submit-button";

export function VisibilityForm({ subdomain, visibility }: { subdomain: string; visibility: "public" | "private" }) {
  const [state, action, pending] = useActionState<ActionState<"visibility">, FormData>(setVisibility.bind(null, subdomain), {});
  // After a refusal, what the admin chose (not the stored value) stays selected beside the reason.
  const selected = state.values?.visibility ?? visibility;
  return (
    <section id="visibility" aria-labelledby="visibility-heading" className="scroll-mt-6 rounded-lg border border-slate-200 p-5 sm:p-6">
      <h2 id="visibility-heading" className="text-lg font-semibold">Visibility</h2>
      <form action={action} className="mt-3 space-y-3">
        <fieldset aria-describedby={state.fieldErrors?.visibility ? "visibility-error" : undefined}>
          <legend className="sr-only">Who can read the help center</legend>
          <label className="flex items-start gap-3">
            <input type="radio" name="visibility" value="public" defaultChecked={selected === "public"} className="mt-1" />
            <span><span className="font-medium">Public</span><span className="block text-sm text-slate-600">Anyone can read it; signed-in visitors also see group-restricted articles.</span></span>
          </label>
          <label className="mt-2 flex items-start gap-3">
            <input type="radio" name="visibility" value="private" defaultChecked={selected === "private"} className="mt-1" />
            <span><span className="font-medium">Private</span><span className="block text-sm text-slate-600">Every visitor signs in through your Login URL first.</span></span>
          </label>
        </fieldset>
        {state.fieldErrors?.visibility && <p id="visibility-error" role="alert" className="text-sm text-red-700">{state.fieldErrors.visibility}</p>}
        <FormMessage message={state.ok || state.fieldErrors ? undefined : state.message} />
        {state.ok && <FormMessage tone="success" message={state.message} />}
        <SubmitButton pending={pending} className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-50 aria-disabled:opacity-60">
          {pending ? "Saving…" : "Save visibility"}
        </SubmitButton>
      </form>
    </section>
  );
}
