// Ids arrive from URLs, query strings and forms. Our ids are UUIDs: anything else cannot name a
// row, and handing it to a uuid column would be a database error instead of a plain "not found".
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
