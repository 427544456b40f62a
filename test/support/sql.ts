import pg from "pg";

/** One statement on its own connection: for tests and fixtures that look at the database directly. */
export async function sqlOnce<T extends pg.QueryResultRow>(connectionString: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}
