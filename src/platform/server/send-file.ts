// Sends a generated download: a Swedish file name in Content-Disposition (an ASCII fallback for old clients and the
// full name as RFC 5987 UTF-8), never cached (the content depends on who asks and changes with the data).
import type { FastifyReply } from 'fastify';

export type DownloadFile = { fileName: string; contentType: string; body: Buffer | string };

export function sendFile(reply: FastifyReply, file: DownloadFile) {
  const ascii = file.fileName
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/"/g, '');
  return reply
    .header('content-type', file.contentType)
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .header('cache-control', 'no-store')
    .send(file.body);
}
