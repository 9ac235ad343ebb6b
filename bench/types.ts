// One measured figure from a benchmark; bench/run.ts collects them into bench/results.{json,md}.
export type BenchResult = { name: string; value: number; unit: string; note?: string };
