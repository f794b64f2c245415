// Thin routes of the staff register (Personal och enheter): units, persons, the HR import (also for an integration's
// token, the file as the body), the register extract and the retention rules. Permission checks and scoping live in
// the services through the policy module.
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signedIn } from '../../platform/server/actor.ts';
import { withUpload } from '../../platform/server/imports/upload.ts';
import { personDataProviders } from '../../platform/server/person-data.ts';
import { allRetentionRules } from '../../platform/server/retention.ts';
import { sendFile } from '../../platform/server/send-file.ts';
import { extractFile, registerExtract } from './extract.service.ts';
import {
  confirmImportSchema,
  createPersonSchema,
  createUnitSchema,
  extractFileQuerySchema,
  extractSchema,
  idParamsSchema,
  importPreviewSchema,
  importQuerySchema,
  importResultSchema,
  importTemplateQuerySchema,
  managerCandidatesSchema,
  myRecordSchema,
  PEOPLE_LIMITS,
  personListQuerySchema,
  personPageSchema,
  personSchema,
  retentionKeyParamsSchema,
  retentionSchema,
  retentionUpdateSchema,
  unitManagersInputSchema,
  unitSchema,
  unitTreeQuerySchema,
  unitTreeSchema,
  updatePersonSchema,
  updateUnitSchema,
} from './people.contracts.ts';
import { confirmImport, createHrFileReader, type ImportDeps, importAtOnce, previewImport } from './people-import.ts';
import { personPageSerializer } from './people-list-json.ts';
import { importTemplate } from './people-template.ts';
import { createPerson, getPerson, listPersons, myRecord, updatePerson } from './persons.service.ts';
import { listRetention, setRetention } from './retention.service.ts';
import { createUnit, managerCandidates, setUnitManagers, unitTree, updateUnit } from './units.service.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function peopleModule(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { config, database, readCache, modules } = app.deps;
  const deps: ImportDeps = {
    db: database.db,
    cache: readCache,
    providers: personDataProviders(modules),
    rules: allRetentionRules(modules),
    // Uploaded HR files are read in a worker thread, off the thread that answers requests.
    files: createHrFileReader(),
  };
  app.addHook('onClose', () => deps.files.close());
  await app.register(multipart, { limits: { fileSize: PEOPLE_LIMITS.uploadBytes, files: 1, fields: 2, parts: 3 } });
  // An integration may post the file itself (no multipart): the body is streamed to disk by the upload helper.
  app.addContentTypeParser([XLSX_TYPE, 'text/csv', 'application/octet-stream'], (_req, payload, done) =>
    done(null, payload),
  );
  const tags = { tags: ['People'] };
  const fileResponse = { 200: z.any().describe('The file') };

  // ---- units ----
  app.get(
    '/people/units',
    { schema: { ...tags, querystring: unitTreeQuerySchema, response: { 200: unitTreeSchema } } },
    (req) => unitTree(deps, signedIn(req.ctx), req.query.municipalityId),
  );
  app.post(
    '/people/units',
    { schema: { ...tags, body: createUnitSchema, response: { 201: unitSchema } } },
    async (req, reply) => reply.code(201).send(await createUnit(deps, signedIn(req.ctx), req.body)),
  );
  app.patch(
    '/people/units/:id',
    { schema: { ...tags, params: idParamsSchema, body: updateUnitSchema, response: { 200: unitSchema } } },
    (req) => updateUnit(deps, signedIn(req.ctx), req.params.id, req.body),
  );
  app.put(
    '/people/units/:id/managers',
    { schema: { ...tags, params: idParamsSchema, body: unitManagersInputSchema, response: { 200: unitSchema } } },
    (req) => setUnitManagers(deps, signedIn(req.ctx), req.params.id, req.body.userIds),
  );
  app.get(
    '/people/manager-candidates',
    { schema: { ...tags, querystring: unitTreeQuerySchema, response: { 200: managerCandidatesSchema } } },
    async (req) => ({ candidates: await managerCandidates(deps, signedIn(req.ctx), req.query.municipalityId) }),
  );

  // ---- persons ----
  app.get(
    '/people/persons',
    {
      schema: {
        ...tags,
        summary: 'The persons the caller may see: filtered, sorted and paged (audited as one read of a list)',
        querystring: personListQuerySchema,
        response: { 200: personPageSchema },
      },
      // The page is written without the zod check of every field (people-list-json.ts).
      serializerCompiler: personPageSerializer,
    },
    (req) => listPersons(deps, signedIn(req.ctx), req.query),
  );
  app.post(
    '/people/persons',
    { schema: { ...tags, body: createPersonSchema, response: { 201: personSchema } } },
    async (req, reply) => reply.code(201).send(await createPerson(deps, signedIn(req.ctx), req.body)),
  );
  app.get(
    '/people/persons/:id',
    { schema: { ...tags, params: idParamsSchema, response: { 200: personSchema } } },
    (req) => getPerson(deps, signedIn(req.ctx), req.params.id),
  );
  app.patch(
    '/people/persons/:id',
    { schema: { ...tags, params: idParamsSchema, body: updatePersonSchema, response: { 200: personSchema } } },
    (req) => updatePerson(deps, signedIn(req.ctx), req.params.id, req.body),
  );
  app.get('/people/mine', { schema: { ...tags, response: { 200: myRecordSchema } } }, (req) =>
    myRecord(deps, signedIn(req.ctx)),
  );

  // ---- the register extract ----
  app.get(
    '/people/persons/:id/extract',
    {
      schema: {
        ...tags,
        summary: 'Register extract (GDPR art. 15): everything every module holds about the person (audited)',
        params: idParamsSchema,
        response: { 200: extractSchema },
      },
    },
    (req) => registerExtract(deps, signedIn(req.ctx), req.params.id),
  );
  app.get(
    '/people/persons/:id/extract/file',
    {
      schema: {
        ...tags,
        summary: 'The register extract as XLSX (a sheet per kind of record) or JSON (audited)',
        params: idParamsSchema,
        querystring: extractFileQuerySchema,
        response: fileResponse,
      },
    },
    async (req, reply) => sendFile(reply, await extractFile(deps, signedIn(req.ctx), req.params.id, req.query.format)),
  );

  // ---- the HR import ----
  app.get(
    '/people/import/template',
    {
      schema: {
        ...tags,
        summary: "The HR file's template (XLSX with instructions, the professions and the units; or the CSV header)",
        querystring: importTemplateQuerySchema.extend({ municipalityId: z.uuid().optional() }),
        response: fileResponse,
      },
    },
    async (req, reply) =>
      sendFile(reply, await importTemplate(deps, signedIn(req.ctx), req.query.file, req.query.municipalityId)),
  );
  app.post(
    '/people/imports',
    {
      schema: {
        ...tags,
        summary: 'Upload an HR file (multipart field "file", or the file as the body); answers the preview',
        description:
          'Writes nothing but the stored preview. With confirm=true the changes are applied at once when the file has no errors (a file with errors answers 422 with every cell as a field "row.column"); endMissing=true then also marks current persons the file does not hold as ended.',
        consumes: ['multipart/form-data', XLSX_TYPE, 'text/csv'],
        querystring: importQuerySchema,
        response: { 200: importPreviewSchema },
      },
    },
    (req) => {
      const upload = { maxBytes: PEOPLE_LIMITS.uploadBytes, defaultName: 'personal', acceptBody: true };
      const ctx = signedIn(req.ctx);
      return withUpload(req, config, upload, (file) =>
        req.query.confirm === 'true'
          ? importAtOnce(deps, ctx, file, req.query.municipalityId, { endMissing: req.query.endMissing === 'true' })
          : previewImport(deps, ctx, file, req.query.municipalityId),
      );
    },
  );
  app.post(
    '/people/imports/:id/confirm',
    {
      schema: {
        ...tags,
        summary: 'Apply a previewed HR file in one transaction (409 when the register changed since the preview)',
        params: idParamsSchema,
        body: confirmImportSchema,
        response: { 200: importResultSchema },
      },
    },
    (req) => confirmImport(deps, signedIn(req.ctx), req.params.id, req.body),
  );

  // ---- retention ----
  app.get('/people/retention', { schema: { ...tags, response: { 200: retentionSchema } } }, (req) =>
    listRetention(deps, signedIn(req.ctx)),
  );
  app.put(
    '/people/retention/:key',
    {
      schema: {
        ...tags,
        params: retentionKeyParamsSchema,
        body: retentionUpdateSchema,
        response: { 200: retentionSchema },
      },
    },
    (req) => setRetention(deps, signedIn(req.ctx), req.params.key, req.body.months),
  );
}
