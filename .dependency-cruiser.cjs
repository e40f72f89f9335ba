/**
 * The house plan of api/ (docs/architecture.md), checked by `npm run boundaries` (CI):
 * - one module per folder; another module is reached only through its face, `<module>/index.ts`;
 * - core/ imports nothing else in api/ (and does no I/O);
 * - access/ never imports record/ (records come in as the facts access needs);
 * - nothing imports server/ but for the per-request Context type (type-only: erased at build);
 * - no folder cycles: checked over the same cruise by tools/folder-cycles.mjs (dependency-cruiser's own
 *   `circular` rule works on files, not folders).
 * db/ has two faces: db/index.ts (the helpers modules use: raw queries, the change feed, the data-folder
 * lock) and its composition (entities.ts lists every module's entities; orm.ts opens the database with
 * them; migrations/), which only server/ and db/'s own commands open.
 */
const MODULE = '^api/([^/]+)/';

module.exports = {
  forbidden: [
    {
      name: 'core-imports-nothing',
      comment: 'core/ is the ground floor: no I/O and no import from another folder of api/.',
      severity: 'error',
      from: { path: '^api/core/' },
      to: { path: '^api/', pathNot: '^api/core/' },
    },
    {
      name: 'access-never-imports-record',
      comment: 'The access decision takes the facts of a record it needs (dv.ts, record-scope.ts); record/ reads through access/.',
      severity: 'error',
      from: { path: '^api/access/' },
      to: { path: '^api/record/' },
    },
    {
      name: 'nothing-imports-server',
      comment: 'server/ composes the modules; a module may name the per-request Context type only (type-only import).',
      severity: 'error',
      from: { path: '^api/', pathNot: '^api/server/' },
      to: { path: '^api/server/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'only-through-the-face',
      comment:
        "Another module's files are private: import its index.ts. db/entities.ts, the entity registry, names entity files themselves (loading a module's whole face there would load its services into every command that opens the database).",
      severity: 'error',
      from: { path: MODULE, pathNot: '^api/db/entities\\.ts$' },
      to: {
        path: '^api/[^/]+/.+',
        pathNot: [
          '^api/$1/',
          '^api/[^/]+/index\\.ts$',
          // db's composition, opened by the server and by db's own commands only (rule below).
          '^api/db/(orm|entities)\\.ts$',
          // The per-request Context type (value imports of server/ are refused by nothing-imports-server).
          '^api/server/context\\.ts$',
        ],
      },
    },
    {
      name: 'db-composition-for-the-server',
      comment: 'db/orm.ts and db/entities.ts know every module: only server/ opens the database.',
      severity: 'error',
      from: { path: '^api/', pathNot: ['^api/server/', '^api/db/'] },
      to: { path: '^api/db/(orm|entities)\\.ts$', dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^|/)node_modules/' },
  },
};
