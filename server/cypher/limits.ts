// The console's default byte cap, shared by the server's limits and `parley query`'s runner.
export const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;
