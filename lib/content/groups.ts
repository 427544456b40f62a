// Required groups of an article, typed by an editor as one comma-separated line. They are compared
// with the `groups` claim of end users' sign-in tokens exactly as lib/sso/profile-claims.ts stores
// it: each name trimmed, duplicates dropped, upper/lower case kept ("Beta" is not "beta"). The
// limits are the claim's too: a name the claim could never carry could never match.

import { CONTROL_CHARACTERS } from "@/lib/text/control-characters";

export const MAX_GROUPS = 100;
export const MAX_GROUP_LENGTH = 100;

export type GroupListResult = { ok: true; groups: string[] } | { ok: false; error: string };

/** "beta, Staff,beta , " → ["beta", "Staff"]; empty → [] (everyone who can read the help center). */
export function parseGroupList(text: string): GroupListResult {
  const groups = new Set<string>();
  for (const part of text.split(/[,\n]/)) {
    const group = part.trim();
    if (group === "") continue;
    if (CONTROL_CHARACTERS.test(group)) return { ok: false, error: "Group names cannot contain control characters." };
    if (group.length > MAX_GROUP_LENGTH) return { ok: false, error: `Each group name can be at most ${MAX_GROUP_LENGTH} characters.` };
    groups.add(group);
  }
  if (groups.size > MAX_GROUPS) return { ok: false, error: `An article can require at most ${MAX_GROUPS} groups.` };
  return { ok: true, groups: [...groups] };
}

/** The stored list as the editor types it. */
export function formatGroupList(groups: readonly string[]): string {
  return groups.join(", ");
}
