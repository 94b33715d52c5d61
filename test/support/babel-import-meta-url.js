// Jest compiles the ESM-only packages to CommonJS. Several of them start with
// `const require = createRequire(import.meta.url)`; babel-plugin-transform-import-meta turns
// `import.meta.url` into a call of `require(...)`, which then names that very `const` before it
// is initialised (TDZ). This plugin uses `__filename` instead, which needs no `require`.
// It also turns `import(x)` (Nest loads its HTTP adapter so) into a `require` Jest can follow.
module.exports = function importMetaUrl({ types: t }) {
  return {
    name: 'kinerja-import-meta-url',
    visitor: {
      CallExpression(path) {
        if (!t.isImport(path.node.callee)) return;
        const required = t.callExpression(t.identifier('require'), path.node.arguments);
        path.replaceWith(
          t.callExpression(t.memberExpression(t.callExpression(t.memberExpression(t.identifier('Promise'), t.identifier('resolve')), []), t.identifier('then')), [
            t.arrowFunctionExpression([], required),
          ]),
        );
      },
      MemberExpression(path) {
        const { object, property } = path.node;
        if (t.isMetaProperty(object) && object.meta.name === 'import' && object.property.name === 'meta' && t.isIdentifier(property, { name: 'url' })) {
          path.replaceWith(t.binaryExpression('+', t.stringLiteral('file://'), t.identifier('__filename')));
        }
      },
    },
  };
};
