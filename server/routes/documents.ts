// Documents: list, one document's reading view, revisions, diffs, the feed of changes across
// documents, and POST (ingest a report).
import type { Request, RequestHandler } from 'express';
import multer from 'multer';
import { awaitFulltext } from '../../db/schema.ts';
import {
  ingestReport,
  MAX_REPORT_BYTES,
  MAX_REPORT_LABEL,
  readJsonRecord,
  readReport,
  ReadError,
  type ReadReport,
} from '../../ingest/index.ts';
import { documentBody, uploadFields } from '../api/schemas.ts';
import type { ServerContext } from '../context.ts';
import { ApiError, badRequest, notFound } from '../errors.ts';
import { listChanges } from '../queries/changes.ts';
import { documentView, listDocuments, listRevisions, revisionDiff } from '../queries/documents.ts';
import { graphIndex } from '../queries/graph-index.ts';
import { parseBody } from '../validate.ts';
import { reply, type Handlers } from './handler.ts';

function readErrorToApi(e: ReadError): ApiError {
  return new ApiError(e.code === 'TOO_LARGE' ? 413 : 400, `READ_${e.code}`, e.message);
}

const tooLarge = () =>
  new ApiError(413, 'TOO_LARGE', `the report is over the ${MAX_REPORT_LABEL} limit`);

// One file in memory: reports are small by construction (the limit is the read stage's).
const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: MAX_REPORT_BYTES, files: 1, fields: 10, fieldSize: 10_000, parts: 12 },
}).single('file');

const uploadHandler: RequestHandler = (req, res, next) => {
  upload(req, res, (err: unknown) => {
    if (err instanceof multer.MulterError) {
      if (err.code === 'LIMIT_FILE_SIZE') return next(tooLarge());
      return next(
        badRequest(`upload: ${err.message}${err.field ? ` (${err.field})` : ''}`, 'INVALID_UPLOAD'),
      );
    }
    if (err) return next(badRequest(`upload: ${(err as Error).message}`, 'INVALID_UPLOAD'));
    next();
  });
};

/**
 * The report from a multipart upload (field `file`) or a JSON body, through the read stage,
 * which also decides its document id when none is given (ingest/read/report-id.ts).
 */
function reportFrom(req: Request): ReadReport {
  try {
    if (req.file) {
      const fields = parseBody(uploadFields, req.body ?? {});
      return readReport(
        new Uint8Array(req.file.buffer),
        req.file.originalname || 'upload.txt',
        fields,
      );
    }
    if (req.is('multipart/form-data')) {
      throw badRequest('a multipart upload needs one file in the field "file"', 'INVALID_UPLOAD');
    }
    const { filename, ...body } = parseBody(documentBody, req.body);
    if (Buffer.byteLength(body.text, 'utf8') > MAX_REPORT_BYTES) throw tooLarge();
    if (filename) {
      // Pasted file content goes through the read stage like an upload of that name.
      return readReport(new TextEncoder().encode(body.text), filename, {
        id: body.id,
        publishedAt: body.publishedAt ?? undefined,
        title: body.title ?? undefined,
      });
    }
    return readJsonRecord(body, 'request body');
  } catch (e) {
    if (e instanceof ReadError) throw readErrorToApi(e);
    throw e;
  }
}

export function documentHandlers(
  ctx: ServerContext,
): Handlers<'ingest' | 'documents' | 'document' | 'revisions' | 'diff' | 'changes'> {
  return {
    ingest: {
      bodyLimit: MAX_REPORT_BYTES + 64 * 1024,
      use: [uploadHandler],
      handle: async (_input, req) => {
        if (!req.is('application/json') && !req.is('multipart/form-data')) {
          throw new ApiError(
            415,
            'UNSUPPORTED_MEDIA_TYPE',
            'send JSON {id?, title?, publishedAt?, text} or a multipart upload with a "file" field',
          );
        }
        const report = reportFrom(req);
        const diff = await ingestReport(ctx.driver, report, {
          database: ctx.database,
          extractor: ctx.extractor,
        });
        if (diff.status !== 'unchanged') {
          // The uploader's next search finds the new report's actors and facts.
          await awaitFulltext(ctx.driver, ctx.database);
          // Rebuild the network index now, so the viewer's next network request finds it ready.
          void graphIndex(ctx).catch(() => {});
        }
        return reply(diff.status === 'created' ? 201 : 200, diff);
      },
    },

    documents: async ({ query: { limit, cursor } }) => listDocuments(ctx, limit, cursor),

    document: async ({ params: { id }, query: { revision } }) => {
      const view = await documentView(ctx, id, revision);
      if (!view) {
        throw notFound(
          revision
            ? `no revision '${revision}' of document '${id}'`
            : `no document with id '${id}'`,
        );
      }
      return view;
    },

    revisions: async ({ params: { id } }) => {
      const revisions = await listRevisions(ctx, id);
      if (!revisions) throw notFound(`no document with id '${id}'`);
      return { items: revisions };
    },

    changes: async ({ query }) => listChanges(ctx, query),

    diff: async ({ params: { id }, query: { from, to } }) => {
      const diff = await revisionDiff(ctx, id, from, to);
      if (diff === 'document') throw notFound(`no document with id '${id}'`);
      if (diff === 'from') throw notFound(`no revision '${from}' of document '${id}'`);
      if (diff === 'to') throw notFound(`no revision '${to}' of document '${id}'`);
      if (diff === 'no-previous') throw notFound(`document '${id}' has one revision only`);
      return diff;
    },
  };
}
