-- Settings → Logs, "Any rejection": rejections of every kind, newest first. Without this index the
-- list walks sso_events_tenant_newest_idx and skips every success and logout in the range, which
-- for a long range with few rejections reads the whole window. Partial (Prisma's schema cannot
-- say so), so it holds only the rows the filter asks for.
CREATE INDEX "sso_events_tenant_rejected_newest_idx" ON "sso_events"("tenant_id", "occurred_at" DESC, "id" DESC) WHERE "outcome" = 'rejected';
