// Requests from Node to the app as if for a tenant's host. Node cannot resolve *.localhost (or a
// test custom domain), so these connect to 127.0.0.1 and send the Host header themselves. node:http,
// because fetch (undici) replaces a Host header with the URL's host. Redirects are not followed.
import { request as httpRequest } from "node:http";

export interface RawReply {
  status: number;
  location: string | undefined;
  setCookies: string[];
  body: string;
}

/** GET http://127.0.0.1:<port><path> with `Host: <host>:<port>` and any other headers given. */
export function getAsHost(port: number, host: string, path: string, headers: Record<string, string> = {}): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path, method: "GET", headers: { ...headers, Host: `${host}:${port}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          location: res.headers.location,
          setCookies: res.headers["set-cookie"] ?? [],
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}
