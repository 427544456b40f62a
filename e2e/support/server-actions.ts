// Server actions are reachable by a direct POST, so each spec that guards one also sends the real
// request again as someone who may not: the recorded action, replayed from another session.
import type { APIRequestContext, APIResponse, Page, Request } from "@playwright/test";

/** Starts recording the server-action POSTs the page sends; the returned function gives the first. */
export function recordServerActions(page: Page): () => Request {
  const sent: Request[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.headers()["next-action"]) sent.push(request);
  });
  return () => {
    if (!sent[0]) throw new Error("The page sent no server action.");
    return sent[0];
  };
}

/**
 * Sends a recorded server action again through `client`, whose own session cookie goes with it
 * (the recorder's cookie header is dropped), with the body optionally edited.
 */
export function replayServerAction(client: APIRequestContext, recorded: Request, editBody: (body: string) => string = (body) => body): Promise<APIResponse> {
  const { cookie: _recordersCookie, ...headers } = recorded.headers();
  void _recordersCookie;
  return client.post(recorded.url(), { headers, data: editBody(recorded.postData() ?? "") });
}
