import { randomBytes, randomUUID } from "node:crypto";
import type pg from "pg";

/** A bare tenant (public, no SSO) with a unique subdomain starting with `prefix`; returns its id. */
export async function insertTenant(sql: pg.Client, prefix: string, id: string = randomUUID()): Promise<string> {
  await sql.query(`INSERT INTO tenants (id, name, subdomain, updated_at) VALUES ($1, 'T', $2, now())`, [id, `${prefix}-${randomBytes(4).toString("hex")}`]);
  return id;
}
