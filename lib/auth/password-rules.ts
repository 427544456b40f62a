/** Shared by the sign-up form and the server; kept apart from password.ts (a server-only module). */
export const MIN_PASSWORD_LENGTH = 10;
