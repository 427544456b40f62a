// The migrated database must be exactly what prisma/schema.prisma describes: if someone edits the
// schema without a migration (or writes a migration by hand that drifts), this fails.
import { readFileSync } from "node:fs";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "@/test/support/test-database-url";

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object";
  type: string;
  isList: boolean;
  isRequired: boolean;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}
interface DmmfModel { name: string; dbName: string | null; fields: DmmfField[] }
interface DmmfIndex { model: string; type: "id" | "unique" | "normal" | "fulltext"; fields: { name: string; sortOrder?: "asc" | "desc" }[] }
interface DmmfEnum { name: string; dbName: string | null; values: { name: string; dbName: string | null }[] }
interface Datamodel { models: DmmfModel[]; enums: DmmfEnum[]; indexes: DmmfIndex[] }

const datamodel = (JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: readFileSync("prisma/schema.prisma", "utf8") }))) as { datamodel: Datamodel }).datamodel;
const tableOf = (model: DmmfModel) => model.dbName ?? model.name;
const columnOf = (field: DmmfField) => field.dbName ?? field.name;
const modelByName = new Map(datamodel.models.map((model) => [model.name, model]));
const enumByName = new Map(datamodel.enums.map((e) => [e.name, e]));

/** information_schema's udt_name that Prisma's migrations produce for a field's element type. */
function expectedUdt(field: DmmfField): string {
  if (field.kind === "enum") return enumByName.get(field.type)!.dbName ?? field.type;
  const native = field.nativeType?.[0];
  switch (field.type) {
    case "String": return native === "Uuid" ? "uuid" : native === "VarChar" ? "varchar" : "text";
    case "Int": return "int4";
    case "BigInt": return "int8";
    case "Boolean": return "bool";
    case "Json": return "jsonb";
    case "Float": return "float8";
    case "Decimal": return "numeric";
    case "DateTime": return native === "Timestamptz" ? "timestamptz" : native === "Date" ? "date" : "timestamp";
    default: throw new Error(`No mapping for ${field.type}; extend this test.`);
  }
}

/**
 * What migrations add by hand because schema.prisma cannot express it, each named here so that
 * nothing else may drift: see migrations 20261121025134_widget_requests_allowed_domains and
 * 20261121100547_sso_events_rejected_index.
 */
const BEYOND_PRISMA = {
  // A generated tsvector column for article search.
  columns: [{ table: "articles", column: "search_vector" }],
  indexes: [
    // GIN over that column.
    { table: "articles", primary: false, unique: false, columns: ["search_vector"], descending: [false] },
    // Partial: only suspended end users (WHERE suspended).
    { table: "end_users", primary: false, unique: false, columns: ["tenant_id"], descending: [false] },
    // Partial: only rejections (WHERE outcome = 'rejected'), for the logs' "Any rejection".
    { table: "sso_events", primary: false, unique: false, columns: ["tenant_id", "occurred_at", "id"], descending: [false, true, true] },
  ],
};

const client = new pg.Client({ connectionString: testDatabaseUrl() });
let columns: { table_name: string; column_name: string; udt_name: string; data_type: string; is_nullable: "YES" | "NO" }[];
let indexes: { table_name: string; index_name: string; is_unique: boolean; is_primary: boolean; columns: string[]; descending: boolean[] }[];

beforeAll(async () => {
  await client.connect();
  columns = (await client.query(
    `SELECT table_name, column_name, udt_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = current_schema()`,
  )).rows;
  indexes = (await client.query(`
    SELECT t.relname AS table_name, i.relname AS index_name, ix.indisunique AS is_unique, ix.indisprimary AS is_primary,
           array(SELECT a.attname::text FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
           array(SELECT (o.opt & 1) = 1 FROM unnest(ix.indoption::int2[]) WITH ORDINALITY AS o(opt, ord) ORDER BY o.ord) AS descending
      FROM pg_index ix
      JOIN pg_class t ON t.oid = ix.indrelid
      JOIN pg_class i ON i.oid = ix.indexrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = current_schema()`)).rows;
});
afterAll(() => client.end());

describe("the migrated database matches prisma/schema.prisma", () => {
  it("has a table for every model and no table the schema does not know", () => {
    const tables = new Set(columns.map((column) => column.table_name));
    const expected = datamodel.models.map(tableOf);
    expect([...tables].filter((table) => table !== "_prisma_migrations").sort()).toEqual([...expected].sort());
  });

  for (const model of datamodel.models) {
    it(`${model.name}: every field has its column, type family and nullability`, () => {
      const actual = columns.filter((column) => column.table_name === tableOf(model));
      const scalarFields = model.fields.filter((field) => field.kind !== "object");
      for (const field of scalarFields) {
        const column = actual.find((c) => c.column_name === columnOf(field));
        expect(column, `${model.name}.${field.name} → column ${columnOf(field)}`).toBeDefined();
        if (field.isList) {
          expect(column!.data_type, `${model.name}.${field.name} is an array`).toBe("ARRAY");
          expect(column!.udt_name).toBe(`_${expectedUdt(field)}`);
        } else {
          expect(column!.udt_name, `${model.name}.${field.name} type`).toBe(expectedUdt(field));
          expect(column!.is_nullable, `${model.name}.${field.name} nullability`).toBe(field.isRequired ? "NO" : "YES");
        }
      }
      const handWritten = BEYOND_PRISMA.columns.filter((c) => c.table === tableOf(model)).map((c) => c.column);
      expect(actual.map((c) => c.column_name).sort(), "no columns beyond the schema's").toEqual([...scalarFields.map(columnOf), ...handWritten].sort());
    });
  }

  it("has every primary key, unique constraint and index, in column order and direction, and no others", () => {
    const expected = datamodel.indexes.map((index) => {
      const model = modelByName.get(index.model)!;
      return {
        table: tableOf(model),
        primary: index.type === "id",
        unique: index.type === "id" || index.type === "unique",
        columns: index.fields.map((f) => columnOf(model.fields.find((field) => field.name === f.name)!)),
        descending: index.fields.map((f) => f.sortOrder === "desc"),
      };
    });
    const actual = indexes
      .filter((index) => index.table_name !== "_prisma_migrations")
      .map((index) => ({ table: index.table_name, primary: index.is_primary, unique: index.is_unique, columns: index.columns, descending: index.descending }));
    const key = (i: (typeof expected)[number]) => JSON.stringify(i);
    expect(actual.map(key).sort()).toEqual([...expected, ...BEYOND_PRISMA.indexes].map(key).sort());
  });

  it("has every enum with its values in order", async () => {
    const { rows } = await client.query<{ name: string; values: string[] }>(`
      SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = current_schema() GROUP BY t.typname`);
    const expected = datamodel.enums.map((e) => ({ name: e.dbName ?? e.name, values: e.values.map((v) => v.dbName ?? v.name) }));
    expect(rows.sort((a, b) => a.name.localeCompare(b.name))).toEqual(expected.sort((a, b) => a.name.localeCompare(b.name)));
  });

  it("has a foreign key for every relation, with its columns, target and delete rule", async () => {
    const { rows } = await client.query<{ table_name: string; columns: string[]; target: string; target_columns: string[]; on_delete: string }>(`
      SELECT c.conrelid::regclass::text AS table_name, c.confrelid::regclass::text AS target,
             array(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o) AS columns,
             array(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o) AS target_columns,
             c.confdeltype::text AS on_delete
        FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
       WHERE c.contype = 'f' AND n.nspname = current_schema()`);
    const deleteRule: Record<string, string> = { Cascade: "c", Restrict: "r", SetNull: "n", NoAction: "a", SetDefault: "d" };
    const expected = datamodel.models.flatMap((model) =>
      model.fields
        .filter((field) => field.kind === "object" && field.relationFromFields && field.relationFromFields.length > 0)
        .map((field) => {
          const target = modelByName.get(field.type)!;
          return {
            table_name: tableOf(model),
            target: tableOf(target),
            columns: field.relationFromFields!.map((name) => columnOf(model.fields.find((f) => f.name === name)!)),
            target_columns: field.relationToFields!.map((name) => columnOf(target.fields.find((f) => f.name === name)!)),
            // Prisma's default: Restrict for required relations, SetNull for optional ones.
            on_delete: deleteRule[field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull")],
          };
        }),
    );
    const key = (fk: (typeof expected)[number]) => JSON.stringify([fk.table_name, fk.columns, fk.target, fk.target_columns, fk.on_delete]);
    expect(rows.map(key).sort()).toEqual(expected.map(key).sort());
  });
});
