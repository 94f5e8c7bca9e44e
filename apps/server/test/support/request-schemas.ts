import type { z } from 'zod';

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: readonly z.ZodType[];
  items?: readonly z.ZodType[];
  rest?: z.ZodType | null;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  getter?: () => z.ZodType;
};

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * The paths of every object inside a request schema that would accept fields it does not
 * know (its catchall is not `never`): an empty list means the schema is strict all the way
 * down. Walks wrappers (optional, default, pipe…), arrays, tuples, records and unions.
 */
export function findLooseObjects(
  schema: z.ZodType,
  path = '',
  seen = new Set<z.ZodType>(),
): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  const walk = (child: z.ZodType | null | undefined, at: string) =>
    child ? findLooseObjects(child, at, seen) : [];
  switch (def.type) {
    case 'object': {
      const own = def.catchall && defOf(def.catchall).type === 'never' ? [] : [path || '(root)'];
      return [
        ...own,
        ...Object.entries(def.shape ?? {}).flatMap(([key, child]) =>
          walk(child, path ? `${path}.${key}` : key),
        ),
      ];
    }
    case 'array':
      return walk(def.element, `${path}[]`);
    case 'tuple':
      return [
        ...(def.items ?? []).flatMap((item, i) => walk(item, `${path}[${i}]`)),
        ...walk(def.rest, `${path}[]`),
      ];
    case 'record':
      return walk(def.valueType, `${path}{}`);
    case 'union':
      return (def.options ?? []).flatMap((option, i) => walk(option, `${path}|${i}`));
    case 'intersection':
      return [...walk(def.left, path), ...walk(def.right, path)];
    case 'pipe':
      return [...walk(def.in, path), ...walk(def.out, path)];
    case 'lazy':
      return walk(def.getter?.(), path);
    default:
      return walk(def.innerType, path);
  }
}
