// Helpers shared by the tests: the package's own files, read as the extension would see them.
import * as fs from "fs";
import * as path from "path";

/** editors/vscode, from out/test/ where the compiled tests run. */
export const PACKAGE_ROOT = path.resolve(__dirname, "..", "..");
/** The repository root. */
export const REPO_ROOT = path.resolve(PACKAGE_ROOT, "..", "..");

export interface Manifest {
  contributes: {
    configuration: { properties: Record<string, Record<string, unknown>> };
    commands: { command: string; title: string; category?: string }[];
  };
  activationEvents: string[];
  [key: string]: unknown;
}

export function manifest(): Manifest {
  return JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, "package.json"), "utf8")) as Manifest;
}
