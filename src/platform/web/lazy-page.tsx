// A page component loaded when it is first shown (issue 20, code split by route): a module's route file names its
// pages through lazyPage instead of importing them, so each page and what only it uses become a file of their own,
// fetched on first visit, and the first load (the sign-in page) carries only the shell. While the file loads, the
// router's Suspense boundary around every route shows its pending component (router.tsx, defaultPendingComponent).
import { type ComponentType, lazy } from 'react';

/** `lazyPage(() => import('./x-page.tsx'), 'XPage')` is used as `<XPage … />`, with XPage's own props. */
// biome-ignore lint/suspicious/noExplicitAny: any page component, whatever its props
export function lazyPage<M extends Record<K, ComponentType<any>>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
): M[K] {
  return lazy(async () => ({ default: (await load())[name] })) as unknown as M[K];
}
