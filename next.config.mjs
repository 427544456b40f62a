/** @type {import('next').NextConfig} */
const nextConfig = {
  // The pg driver and PGlite are Node libraries; keep them out of the server bundle.
  serverExternalPackages: ["pg", "@electric-sql/pglite", "@electric-sql/pglite-socket", "@node-rs/argon2"],
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() for members without the role a page or action needs (a 403, not a 404).
  experimental: { authInterrupts: true },
};

export default nextConfig;
