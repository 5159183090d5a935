import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { CONFIG_SCHEMA_FILE, configJsonSchema } from '../../server/src/node/configSchema';

const file = path.resolve(__dirname, '../..', CONFIG_SCHEMA_FILE);

describe('schemas/postmortem-config.schema.json', () => {
  it('is generated from ConfigSpec and up to date', () => {
    assert.ok(fs.existsSync(file), `${CONFIG_SCHEMA_FILE} is missing: run \`npm run gen:schema\``);
    const committed = fs.readFileSync(file, 'utf8');
    assert.ok(committed === configJsonSchema(), `${CONFIG_SCHEMA_FILE} is stale (ConfigSpec changed): run \`npm run gen:schema\``);
  });

  it('describes the config: optional keys with defaults, no unknown keys, custom templates', () => {
    interface JsonSchema {
      $schema?: string;
      $id?: string;
      title?: string;
      type?: string;
      required?: string[];
      default?: unknown;
      enum?: string[];
      maximum?: number;
      additionalProperties?: boolean | JsonSchema;
      properties?: Record<string, JsonSchema>;
      items?: JsonSchema;
    }
    const schema = JSON.parse(configJsonSchema()) as JsonSchema;
    const prop = (s: JsonSchema | undefined, key: string): JsonSchema => {
      assert.ok(s?.properties?.[key], `no property ${key}`);
      return s.properties[key];
    };
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.ok(schema.$id);
    assert.ok(schema.title);
    assert.equal(schema.type, 'object');
    assert.equal(schema.additionalProperties, false);
    assert.deepEqual(schema.required ?? [], []);
    assert.equal(prop(schema, 'enable').default, true);
    const rules = prop(schema, 'rules').additionalProperties as JsonSchema;
    assert.deepEqual(rules.enum, ['error', 'warning', 'information', 'hint', 'off']);
    const template = prop(schema, 'templates').items!;
    assert.deepEqual([...(template.required ?? [])].sort(), ['actionItems', 'id', 'name', 'sections', 'severity', 'timeline', 'titlePattern']);
    assert.equal(prop(prop(template, 'sections').items, 'level').maximum, 6);
  });
});
