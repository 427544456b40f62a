-- CreateTable
CREATE TABLE "sso_rejection_hourly" (
    "tenant_id" UUID NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "event_type" TEXT NOT NULL,
    "reason_code" TEXT NOT NULL,
    "count" BIGINT NOT NULL,

    CONSTRAINT "sso_rejection_hourly_pkey" PRIMARY KEY ("tenant_id","hour","event_type","reason_code")
);

-- CreateIndex
CREATE INDEX "sso_events_tenant_type_newest_idx" ON "sso_events"("tenant_id", "event_type", "occurred_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "sso_events_tenant_email_idx" ON "sso_events"("tenant_id", "email");

-- CreateIndex
CREATE INDEX "sso_events_tenant_external_id_idx" ON "sso_events"("tenant_id", "external_id");

-- CreateIndex
CREATE INDEX "sso_events_tenant_jti_idx" ON "sso_events"("tenant_id", "jti");

-- CreateIndex
CREATE INDEX "sso_events_tenant_request_id_idx" ON "sso_events"("tenant_id", "request_id");

-- AddForeignKey
ALTER TABLE "sso_rejection_hourly" ADD CONSTRAINT "sso_rejection_hourly_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Keep sso_rejection_hourly equal to the rejected events it counts (repeat counts included) through
-- every insert, flood-control fold (UPDATE of repeat_count) and retention purge (DELETE). Statement
-- triggers with transition tables: one upsert per statement, however many rows it touched. Keys are
-- upserted in a fixed order so concurrent statements cannot deadlock on them.
CREATE FUNCTION sso_rejection_hourly_upsert(changes jsonb) RETURNS void LANGUAGE sql AS $$
  INSERT INTO sso_rejection_hourly AS h (tenant_id, hour, event_type, reason_code, count)
  SELECT c.tenant_id, c.hour, c.event_type, c.reason_code, c.delta
    FROM jsonb_to_recordset(changes) AS c(tenant_id uuid, hour timestamptz, event_type text, reason_code text, delta bigint)
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (tenant_id, hour, event_type, reason_code) DO UPDATE SET count = h.count + EXCLUDED.count;
$$;

CREATE FUNCTION sso_rejection_hourly_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changes jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(c) INTO changes FROM (
      SELECT tenant_id, date_trunc('hour', occurred_at, 'UTC') AS hour, event_type, coalesce(reason_code, '') AS reason_code, sum(repeat_count) AS delta
        FROM new_rows WHERE outcome = 'rejected' GROUP BY 1, 2, 3, 4) c;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT jsonb_agg(c) INTO changes FROM (
      SELECT tenant_id, date_trunc('hour', occurred_at, 'UTC') AS hour, event_type, coalesce(reason_code, '') AS reason_code, sum(delta) AS delta
        FROM (SELECT tenant_id, occurred_at, event_type, reason_code, repeat_count::bigint AS delta FROM new_rows WHERE outcome = 'rejected'
              UNION ALL
              SELECT tenant_id, occurred_at, event_type, reason_code, -repeat_count::bigint FROM old_rows WHERE outcome = 'rejected') d
       GROUP BY 1, 2, 3, 4 HAVING sum(delta) <> 0) c;
  ELSE
    SELECT jsonb_agg(c) INTO changes FROM (
      SELECT tenant_id, date_trunc('hour', occurred_at, 'UTC') AS hour, event_type, coalesce(reason_code, '') AS reason_code, -sum(repeat_count) AS delta
        FROM old_rows WHERE outcome = 'rejected' GROUP BY 1, 2, 3, 4) c;
  END IF;
  IF changes IS NULL THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM sso_rejection_hourly_upsert(changes);
    RETURN NULL;
  END IF;
  -- A delete only lowers counts that exist, never inserts: when a tenant is deleted its events go
  -- by cascade, after (or with) its rollup rows and the tenant row itself. Rows are locked in key
  -- order first, so purges running on several instances cannot deadlock on them.
  PERFORM 1 FROM sso_rejection_hourly h
    JOIN jsonb_to_recordset(changes) AS c(tenant_id uuid, hour timestamptz, event_type text, reason_code text)
      ON h.tenant_id = c.tenant_id AND h.hour = c.hour AND h.event_type = c.event_type AND h.reason_code = c.reason_code
   ORDER BY h.tenant_id, h.hour, h.event_type, h.reason_code
   FOR UPDATE OF h;
  UPDATE sso_rejection_hourly h SET count = h.count + c.delta
    FROM jsonb_to_recordset(changes) AS c(tenant_id uuid, hour timestamptz, event_type text, reason_code text, delta bigint)
   WHERE h.tenant_id = c.tenant_id AND h.hour = c.hour AND h.event_type = c.event_type AND h.reason_code = c.reason_code;
  -- Hours emptied by the retention purge go too.
  DELETE FROM sso_rejection_hourly h
   USING jsonb_to_recordset(changes) AS c(tenant_id uuid, hour timestamptz, event_type text, reason_code text)
   WHERE h.tenant_id = c.tenant_id AND h.hour = c.hour AND h.event_type = c.event_type AND h.reason_code = c.reason_code AND h.count <= 0;
  RETURN NULL;
END $$;

CREATE TRIGGER sso_events_rollup_insert AFTER INSERT ON sso_events
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sso_rejection_hourly_apply();
CREATE TRIGGER sso_events_rollup_update AFTER UPDATE ON sso_events
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sso_rejection_hourly_apply();
CREATE TRIGGER sso_events_rollup_delete AFTER DELETE ON sso_events
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION sso_rejection_hourly_apply();

-- Events written before this migration.
INSERT INTO sso_rejection_hourly (tenant_id, hour, event_type, reason_code, count)
SELECT tenant_id, date_trunc('hour', occurred_at, 'UTC'), event_type, coalesce(reason_code, ''), sum(repeat_count)
  FROM sso_events WHERE outcome = 'rejected' GROUP BY 1, 2, 3, 4;

-- Flood control for rejection events in one round trip (see lib/data/sso-events.ts): under a
-- transaction-scoped advisory lock on (tenant, event type, reason, client IP), fold into the newest
-- row when that key already has p_max_rows rows in the last second, else insert. The lock lasts
-- until the caller's transaction ends (the statement, in autocommit), so concurrent calls count
-- exactly; a VOLATILE function's statements each see what committed before the lock was granted.
CREATE FUNCTION record_sso_rejection(
  p_tenant uuid, p_at timestamptz, p_type text, p_reason text, p_email text, p_external_id text, p_jti text,
  p_iss text, p_aud text, p_ip text, p_user_agent text, p_request_id text, p_details jsonb, p_max_rows int
) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  recent bigint[];
BEGIN
  -- The lock is held until commit, so a flood from one source commits one at a time: waiting for
  -- each WAL flush would cap it at the disk's fsync rate. A crash may lose the last few
  -- milliseconds of rejection counts (never sign-in state), which a log can afford.
  PERFORM set_config('synchronous_commit', 'off', true);
  PERFORM pg_advisory_xact_lock(hashtextextended('sso-events:' || p_tenant || ':' || p_type || ':' || coalesce(p_reason, '') || ':' || coalesce(p_ip, ''), 0));
  SELECT array_agg(id) INTO recent FROM (
    SELECT id FROM sso_events
     WHERE tenant_id = p_tenant AND event_type = p_type AND reason_code IS NOT DISTINCT FROM p_reason
       AND client_ip IS NOT DISTINCT FROM p_ip AND occurred_at > p_at - interval '1 second'
     ORDER BY occurred_at DESC, id DESC LIMIT p_max_rows) r;
  IF coalesce(cardinality(recent), 0) >= p_max_rows THEN
    UPDATE sso_events SET repeat_count = repeat_count + 1 WHERE id = (SELECT max(x) FROM unnest(recent) x);
  ELSE
    INSERT INTO sso_events (tenant_id, occurred_at, event_type, outcome, reason_code, email, external_id, jti, iss, aud, client_ip, user_agent, request_id, details)
    VALUES (p_tenant, p_at, p_type, 'rejected', p_reason, p_email, p_external_id, p_jti, p_iss, p_aud, p_ip, p_user_agent, p_request_id, p_details);
  END IF;
END $$;
