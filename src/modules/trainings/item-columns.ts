// The database columns of a training item that every list of items reads (the search index, the reviewers' export):
// one place, so a column added to the catalogue reaches each of them.
import { trainingItem } from './trainings.table.ts';

export const ITEM_LIST_COLUMNS = {
  id: trainingItem.id,
  title: trainingItem.title,
  provider: trainingItem.provider,
  url: trainingItem.url,
  description: trainingItem.description,
  lengthMinutes: trainingItem.lengthMinutes,
  format: trainingItem.format,
  language: trainingItem.language,
  lastReviewedAt: trainingItem.lastReviewedAt,
} as const;
