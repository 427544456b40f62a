// The production server: Next.js's request handler behind a plain Node HTTP server, so that every
// request's X-Forwarded-For ends with the address of the socket it arrived on.
//
// Why not `next start`: it only fills X-Forwarded-For when the request has none, so a client served
// directly could send its own and choose the address Gatehouse logs and rate-limits it by. Here the
// peer's address is always appended, as a reverse proxy would, and lib/http/client-ip.ts counts
// TRUSTED_PROXY_HOPS entries left of it.
//
// Usage: PORT=3000 NODE_ENV=production tsx scripts/serve.ts (after `next build`). npm start, the
// e2e tests and the benchmarks all serve through this file.
import { createServer } from "node:http";
import next from "next";
import { env } from "@/lib/env";
import { withPeerAddress } from "@/lib/http/client-ip";

// The benchmarks find the server's CPU time under this name, as under `next start`'s.
process.title = "next-server (gatehouse)";

const app = next({ dev: false, port: env.PORT });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  const forwardedFor = withPeerAddress(request.headers["x-forwarded-for"], request.socket.remoteAddress);
  if (forwardedFor === undefined) delete request.headers["x-forwarded-for"];
  else request.headers["x-forwarded-for"] = forwardedFor;
  handle(request, response).catch((error: unknown) => {
    // Next renders its own 500 for errors inside a route; this is only the handler itself failing.
    console.error(error);
    if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    response.end("Internal Server Error");
  });
});

server.listen(env.PORT, () => console.log(`▲ Gatehouse serving on port ${env.PORT}`));

// Stop accepting, let requests in flight finish, then exit (npm start stops the database after).
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
