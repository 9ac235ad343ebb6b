// The one error shape of every API failure. A file of its own so that the error handler needs
// nothing else of the API contract (types.ts re-exports it for clients).
export interface ApiErrorBody {
  error: { code: string; message: string };
}
