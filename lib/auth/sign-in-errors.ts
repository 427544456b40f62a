/** What the sign-in form says for next-auth's error codes. Never whether an account exists. */
export const SIGN_IN_ERRORS: Record<string, string> = {
  CredentialsSignin: "Email or password is incorrect.",
  TooManyAttempts: "Too many failed attempts. Wait 15 minutes, then try again.",
};
