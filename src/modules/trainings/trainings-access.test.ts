// Role × route matrix of the web trainings: every trainings route is called as each role of municipality A, as
// B's municipal admin and signed out, and the status of every cell is asserted (the table is trainings.access.ts).
import { runAccessMatrix } from '../../../tests/support/access-matrix.ts';
import { accessMatrix } from './trainings.access.ts';

runAccessMatrix(accessMatrix, { ipPrefix: '10.6.0' });
