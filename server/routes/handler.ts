// What a handler of the route table is: it gets its route's path, query and body already
// validated against the declared schemas, and returns the declared response (sent as JSON, 200),
// a `reply(status, body)`, or SENT when it wrote the response itself (a file, a gzip body).
import type { Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import type { RouteName, Routes } from '../api/routes.ts';
import type { PathParams, ResponseOf } from '../api/types.ts';

type Parsed<S> = S extends z.ZodType ? z.output<S> : Record<never, never>;

export interface HandlerInput<K extends RouteName> {
  params: PathParams<Routes[K]['path']>;
  query: Parsed<Routes[K] extends { query: infer S } ? S : undefined>;
  body: Parsed<Routes[K] extends { body: infer S } ? S : undefined>;
}

const REPLY = Symbol('reply');
export interface Reply<T> {
  [REPLY]: true;
  status: number;
  body: T;
}
export const reply = <T>(status: number, body: T): Reply<T> => ({ [REPLY]: true, status, body });
export const isReply = (v: unknown): v is Reply<unknown> =>
  typeof v === 'object' && v !== null && REPLY in v;

/** The handler sent the response itself. */
export const SENT = Symbol('sent');

export type Handle<K extends RouteName> = (
  input: HandlerInput<K>,
  req: Request,
  res: Response,
) => Promise<ResponseOf<K> | Reply<ResponseOf<K>> | typeof SENT>;

/** A handler, or one with its own JSON body limit and middleware run before it (e.g. multer). */
export type Handler<K extends RouteName> =
  Handle<K> | { handle: Handle<K>; bodyLimit?: number; use?: RequestHandler[] };

export type Handlers<K extends RouteName = RouteName> = { [N in K]: Handler<N> };
