// What the web and the API see of a stored document (decision 024): never its content, which is downloaded apart.
import { z } from 'zod';

export const storedFileSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  contentType: z.string(),
  bytes: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type StoredFileDto = z.infer<typeof storedFileSchema>;

/** The largest document the web offers to send (the server checks it again): 10 MB. */
export const STORED_FILE_LIMIT_BYTES = 10 * 1024 * 1024;
