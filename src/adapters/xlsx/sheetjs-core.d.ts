// The core build of SheetJS has the package's own types; the "node" module resolution of
// tsconfig does not read package.json "exports", so it is declared here.
declare module "@e965/xlsx/dist/xlsx.core.min.js" {
  export * from "@e965/xlsx";
}
