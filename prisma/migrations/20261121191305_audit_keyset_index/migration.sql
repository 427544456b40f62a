-- The Audit page pages by keyset on (occurred_at, id), newest first: the index serves that order
-- and the cursor, so an old page costs what the first does. It replaces the (tenant_id,
-- occurred_at) index, whose reads it also serves.
CREATE INDEX "audit_entries_tenant_id_occurred_at_id_idx" ON "audit_entries"("tenant_id", "occurred_at" DESC, "id" DESC);

DROP INDEX "audit_entries_tenant_id_occurred_at_idx";
