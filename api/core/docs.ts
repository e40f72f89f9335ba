import { type GraphQLSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';

/**
 * Descriptions of the schema, kept beside each module in `<module>.docs.ts` rather than in the
 * decorators, so resolvers and types stay short and the text partners read is in one place per module.
 * Two rules keep the docs from drifting from the code, both checked at build (so in every test):
 * - naming something the schema does not have throws;
 * - where the code already describes an element, the docs may only extend that text (contain it);
 *   when someone changes the code's text, the build names the element so its docs are brought along.
 */
export interface FieldDoc {
  description: string;
  /** Argument name → description. */
  args?: Record<string, string>;
}

export interface TypeDoc {
  description?: string;
  /** Field (or input field) name → description, or description and arguments. */
  fields?: Record<string, string | FieldDoc>;
  /** Enum value name → description. */
  values?: Record<string, string>;
}

/** Type name → its docs. */
export type SchemaDocs = Record<string, TypeDoc>;

/** Sets the descriptions of `docs` on the schema's types, fields, arguments and enum values (in place). */
export function applyDocs(schema: GraphQLSchema, ...docs: SchemaDocs[]): void {
  for (const book of docs) {
    for (const [typeName, doc] of Object.entries(book)) {
      const type = schema.getType(typeName);
      if (!type) throw new Error(`docs: the schema has no type ${typeName}`);
      if (doc.description !== undefined) type.description = extend(typeName, type.description, doc.description);
      if (doc.values) {
        if (!isEnumType(type)) throw new Error(`docs: ${typeName} is not an enum`);
        for (const [name, description] of Object.entries(doc.values)) {
          const value = type.getValue(name);
          if (!value) throw new Error(`docs: the schema has no enum value ${typeName}.${name}`);
          value.description = extend(`${typeName}.${name}`, value.description, description);
        }
      }
      if (doc.fields) {
        if (!isObjectType(type) && !isInterfaceType(type) && !isInputObjectType(type)) throw new Error(`docs: ${typeName} has no fields`);
        const fields = type.getFields();
        for (const [name, fieldDoc] of Object.entries(doc.fields)) {
          const field = fields[name];
          if (!field) throw new Error(`docs: the schema has no field ${typeName}.${name}`);
          const { description, args = {} } = typeof fieldDoc === 'string' ? { description: fieldDoc } : fieldDoc;
          field.description = extend(`${typeName}.${name}`, field.description, description);
          for (const [argName, argDescription] of Object.entries(args)) {
            const arg = 'args' in field ? field.args.find((a) => a.name === argName) : undefined;
            if (!arg) throw new Error(`docs: the schema has no argument ${typeName}.${name}(${argName}:)`);
            arg.description = extend(`${typeName}.${name}(${argName}:)`, arg.description, argDescription);
          }
        }
      }
    }
  }
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The docs' text for an element, after checking that it keeps what the code says of it. */
function extend(coordinate: string, fromCode: string | null | undefined, fromDocs: string): string {
  if (fromCode && !squash(fromDocs).includes(squash(fromCode))) {
    throw new Error(`docs: ${coordinate} is described in the code ("${fromCode}"); its docs must contain that text, or describe it in one place only`);
  }
  return fromDocs;
}
