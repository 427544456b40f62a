-- CreateTable
CREATE TABLE "end_user_sessions" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "end_user_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "end_user_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "end_user_sessions_token_hash_key" ON "end_user_sessions"("token_hash");

-- CreateIndex
CREATE INDEX "end_user_sessions_tenant_id_end_user_id_idx" ON "end_user_sessions"("tenant_id", "end_user_id");

-- CreateIndex
CREATE INDEX "end_user_sessions_expires_at_idx" ON "end_user_sessions"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "end_users_tenant_id_id_key" ON "end_users"("tenant_id", "id");

-- AddForeignKey
ALTER TABLE "end_user_sessions" ADD CONSTRAINT "end_user_sessions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "end_user_sessions" ADD CONSTRAINT "end_user_sessions_tenant_id_end_user_id_fkey" FOREIGN KEY ("tenant_id", "end_user_id") REFERENCES "end_users"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
