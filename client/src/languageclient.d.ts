// tsconfig uses `moduleResolution: node`, which ignores package `exports`: point the subpath
// import at its declarations (esbuild resolves the real module through `exports`).
declare module 'vscode-languageclient/node' {
  export * from 'vscode-languageclient/lib/node/main';
}
