// The region report's messages to people, in Swedish and English (answered in the request's language).
import { defineMessages } from '../../../platform/shared/messages.ts';

export const regionReportMessages = defineMessages('staffing', {
  regionReportNoApproved: {
    sv: 'Perioden har inga godkända rapporter att göra en rapport av.',
    en: 'The period has no approved reports to make a report of.',
  },
  regionReportInProgress: {
    sv: 'Du har redan en regionrapport som skapas. Vänta tills den är klar och försök sedan igen.',
    en: 'You already have a region report being made. Wait until it is done and try again.',
  },
  regionReportNotFound: { sv: 'Rapporten finns inte.', en: 'The report does not exist.' },
  regionReportNotReady: { sv: 'Rapporten är inte klar än.', en: 'The report is not ready yet.' },
});
