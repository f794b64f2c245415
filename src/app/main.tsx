// Entry point of the web app (index.html loads it): the platform's shell started with the registered modules.
import { startWebApp } from '../platform/web/start-web-app.tsx';
import { createRouter, WEB_MODULES } from './web-modules.ts';

startWebApp(WEB_MODULES, createRouter);
