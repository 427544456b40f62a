/**
 * The name of the SSO page's JWT section, as its heading, the page's contents list, the provider
 * card and every message that sends an admin there ("generate one under …") say it. One constant,
 * because the list once said "JWT settings" while the heading said "JWT (HS256)".
 */
export const JWT_SECTION = "JWT (HS256)";
