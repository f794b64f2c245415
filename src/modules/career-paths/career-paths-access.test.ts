// Role × route matrix of career paths: every career-paths route is called as each role of municipality A, as B's
// municipal admin and signed out, and the status of every cell is asserted (the table is career-paths.access.ts).
import { runAccessMatrix } from '../../../tests/support/access-matrix.ts';
import { accessMatrix } from './career-paths.access.ts';

runAccessMatrix(accessMatrix, { ipPrefix: '10.18.0' });
