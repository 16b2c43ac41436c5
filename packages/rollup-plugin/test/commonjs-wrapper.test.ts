import { commonJsWrapper } from '../src/commonjs-wrapper.js'
import { findRequires } from '../src/find-requires.js'
import { parseAst } from 'rolldown/parseAst'
import { expect, it } from 'vitest'

const requiresOf = (code: string) => findRequires(parseAst(`(function () {\n${code}\n})`))

it.each([
  ['string literals, in source order, each once', `const b = require('b')\nconst a = require("a")\nrequire('b')`, ['b', 'a']],
  ['a template literal without expressions', 'require(`x`)', ['x']],
  ['a require inside a function or a condition (hoisted by the wrapper)', `if (x) { (() => require('lazy'))() }`, ['lazy']],
  ['not a computed name, nor require.resolve, nor a second argument', 'require(name); require(`./${n}`); require.resolve("r"); require("two", 2)', []],
  ['a top-level return, as Node allows in CommonJS', `if (done) return\nmodule.exports = require('after')`, ['after']],
])('findRequires: %s', (_name, code, expected) => {
  expect(requiresOf(code)).toEqual(expected)
})

it('commonJsWrapper: imports what is required, runs the code in Node\'s function, exports default and the named exports', () => {
  const code = `'use strict'\nexports.a = require('./a.js')\nexports.b = require('b')\nrequire('gone')\n`
  const wrapped = commonJsWrapper({
    file: '/app/node_modules/x/index.js',
    code,
    required: [
      { specifier: './a.js', id: '/app/node_modules/x/a.js?modspace=p&lang.js', value: 'default' },
      { specifier: 'b', id: '/app/node_modules/b/index.mjs?modspace=root', value: 'namespace' },
      { specifier: 'gone', error: 'MODSPACE_NOT_FOUND: "gone" is not found' },
    ],
    exportNames: ['a', 'b', 'default', 'not an identifier'],
    reexports: ['/app/node_modules/x/more.js?modspace=p&lang.js'],
  })
  // The module's own lines keep their numbers: the prelude shares the first line.
  expect(wrapped.split('\n').slice(1, 4)).toEqual(code.split('\n').slice(1, 4))
  expect(wrapped).toMatchInlineSnapshot(`
    "import * as __modspace_cjs_0 from "/app/node_modules/x/a.js?modspace=p&lang.js";import * as __modspace_cjs_1 from "/app/node_modules/b/index.mjs?modspace=root"; var __modspace_cjs_exports; export { __modspace_cjs_exports as default }; function __modspace_cjs_fail(message) { const error = new Error(message); error.code = 'MODULE_NOT_FOUND'; throw error } const __modspace_cjs_required = { "./a.js": () => __modspace_cjs_0.default, "b": () => __modspace_cjs_1, "gone": () => __modspace_cjs_fail("MODSPACE_NOT_FOUND: \\"gone\\" is not found") }; function __modspace_cjs_require(specifier) { return Object.hasOwn(__modspace_cjs_required, specifier) ? __modspace_cjs_required[specifier]() : __modspace_cjs_fail(\`Cannot find module '\${specifier}': the Vite dev server with modspace serves a CommonJS require of a string literal only\`) } const __modspace_cjs_module = { exports: {}, id: "/app/node_modules/x/index.js", filename: "/app/node_modules/x/index.js", loaded: false }; (function (exports, require, module, __filename, __dirname) {'use strict'
    exports.a = require('./a.js')
    exports.b = require('b')
    require('gone')

    }).call(__modspace_cjs_module.exports, __modspace_cjs_module.exports, __modspace_cjs_require, __modspace_cjs_module, "/app/node_modules/x/index.js", "/app/node_modules/x");
    __modspace_cjs_module.loaded = true;
    __modspace_cjs_exports = __modspace_cjs_module.exports;
    const __modspace_cjs_n0 = __modspace_cjs_exports == null ? undefined : __modspace_cjs_exports["a"]; export { __modspace_cjs_n0 as "a" };
    const __modspace_cjs_n1 = __modspace_cjs_exports == null ? undefined : __modspace_cjs_exports["b"]; export { __modspace_cjs_n1 as "b" };
    const __modspace_cjs_n2 = __modspace_cjs_exports == null ? undefined : __modspace_cjs_exports["not an identifier"]; export { __modspace_cjs_n2 as "not an identifier" };
    export * from "/app/node_modules/x/more.js?modspace=p&lang.js";
    "
  `)
})
