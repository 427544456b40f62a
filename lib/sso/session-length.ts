// How long a help-center session lasts (the tenant's Session length). No zod here: the sign-in
// path reads the default, and the form's rules (settings-schema.ts) read the bounds.

/** Session length as the form takes it, in minutes: 5 minutes to 30 days, 12 hours by default. */
export const SESSION_LENGTH_MINUTES = { min: 5, max: 30 * 24 * 60, default: 12 * 60 } as const;

/** The default in seconds, as stored (sso_configs.session_lifetime_seconds defaults to the same). */
export const DEFAULT_SESSION_LIFETIME_SECONDS = SESSION_LENGTH_MINUTES.default * 60;

/**
 * The seconds to store for the minutes an admin submitted. A stored length that is not a whole
 * number of minutes (set before the form had the field) is shown rounded; submitting that same
 * rounded figure keeps it as it was instead of silently changing it.
 */
export function sessionLifetimeSecondsFor(submittedMinutes: number, storedSeconds: number | null): number {
  if (storedSeconds !== null && Math.round(storedSeconds / 60) === submittedMinutes) return storedSeconds;
  return submittedMinutes * 60;
}

/** The minutes the form shows for a stored length. */
export function sessionLengthMinutesOf(storedSeconds: number): number {
  return Math.round(storedSeconds / 60);
}
