// One row of the SSO event log as the logs page, its detail view and the CSV export read it.
export interface LoggedEvent {
  id: bigint;
  occurredAt: Date;
  eventType: string;
  outcome: "success" | "rejected" | "info";
  reasonCode: string | null;
  email: string | null;
  externalId: string | null;
  jti: string | null;
  iss: string | null;
  aud: string | null;
  clientIp: string | null;
  userAgent: string | null;
  requestId: string | null;
  repeatCount: number;
  details: Record<string, unknown>;
}
