// Further education's web manifest (Vidareutbildning, decision 026): the steering group's overview, the map of each
// municipality's agreements, an agreement's steps and documents, the models compared, and the training posts.
import type { WebModule } from '../../../platform/web/module.ts';
import { furtherEducationEn } from './further-education.en.ts';
import { furtherEducationSv } from './further-education.sv.ts';
import { furtherEducationRoutes } from './further-education-routes.tsx';
import { FURTHER_EDUCATION_NS } from './further-education-t.ts';

export const furtherEducationWeb = {
  name: 'further_education',
  translations: [{ namespace: FURTHER_EDUCATION_NS, sv: furtherEducationSv, en: furtherEducationEn }],
  signedInRoutes: [...furtherEducationRoutes],
  nav: [
    {
      label: 'nav.section',
      entries: [
        { to: '/further-education', label: 'nav.overview', permission: 'further_education:read' },
        { to: '/further-education/map', label: 'nav.map', permission: 'further_education:read' },
        { to: '/further-education/models', label: 'nav.models', permission: 'further_education:read' },
        { to: '/further-education/posts', label: 'nav.posts', permission: 'further_education:read_posts' },
      ],
    },
  ],
} satisfies WebModule;
