// Types for build-server.mjs, which the benchmark imports from TypeScript.
export function serverEntry(root?: string): string;
export function bundleNodeProgram(options: { entry: string; outDir: string; name?: string }): Promise<void>;
export function buildServer(root?: string): Promise<void>;
export function serverBuildIsStale(root?: string): boolean;
